// The staff entry form (phone, Zalo, Facebook or in-person orders), checked the
// same way wherever it is read. Error messages are keys of the `orders` namespace.

import { z } from "zod";
import { normaliseMobile } from "~/live/phones-in-text.ts";
import { parseVndAmount } from "~/utils/vietnamese.ts";
import { PAYMENTS, STAFF_VIA } from "./order-state.ts";

export const MAX_STAFF_LINES = 30;

// Built on each call rather than at import: cheap, and every rule then runs inside the test that checks it.
const line = () =>
  z.object({
    productId: z.string().min(1, "errors.productMissing"),
    qty: z.coerce
      .number({ invalid_type_error: "errors.qtyInvalid" })
      .int("errors.qtyInvalid")
      .min(1, "errors.qtyInvalid")
      .max(100_000, "errors.qtyInvalid"),
    /** Empty: the product's price. */
    price: z
      .string()
      .optional()
      .transform((typed, ctx) => {
        if (!typed?.trim()) return undefined;
        const amount = parseVndAmount(typed);
        if (amount === null || amount < 0) {
          ctx.addIssue({ code: "custom", message: "errors.priceInvalid" });
          return z.NEVER;
        }
        return amount;
      }),
  });

function staffOrderSchema() {
  return z
    .object({
      lines: z
        .array(line())
        .min(1, "errors.linesMissing")
        .max(MAX_STAFF_LINES, "errors.linesTooMany"),
      customerName: z
        .string()
        .trim()
        .min(1, "errors.nameMissing")
        .max(200, "errors.tooLong"),
      phone: z
        .string()
        .trim()
        .min(1, "errors.phoneMissing")
        .transform((typed, ctx) => {
          const phone = normaliseMobile(typed);
          if (!phone) {
            ctx.addIssue({ code: "custom", message: "errors.phoneInvalid" });
            return z.NEVER;
          }
          return phone;
        }),
      address: z.string().trim().max(500, "errors.tooLong").default(""),
      note: z.string().trim().max(2000, "errors.tooLong").default(""),
      via: z.enum(STAFF_VIA, { message: "errors.viaMissing" }),
      payment: z.enum(PAYMENTS, { message: "errors.paymentMissing" }),
      /** "target:<id>", "live:<id>" or empty. */
      source: z
        .string()
        .default("")
        .refine(
          (value) =>
            value === "" || /^(?:target|live):[\w-]{1,64}$/.test(value),
          "errors.sourceUnknown"
        ),
      promoCode: z.string().trim().max(40, "errors.tooLong").default(""),
    })
    .refine((form) => !(form.source && form.promoCode), {
      message: "errors.sourceOrCode",
      path: ["promoCode"],
    });
}

export type StaffOrderForm = z.infer<ReturnType<typeof staffOrderSchema>>;

/** The form as sent → the order to create, or the issues (paths such as `lines.0.qty`, messages as keys). */
export function parseStaffOrder(input: unknown) {
  return staffOrderSchema().safeParse(input);
}

/** The picked source as its kind and id; null when none was picked. */
export function readPickedSource(
  source: string
): { kind: "target" | "live"; id: string } | null {
  const [kind, id] = source.split(":");
  return (kind === "target" || kind === "live") && id ? { kind, id } : null;
}
