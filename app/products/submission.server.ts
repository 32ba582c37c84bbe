import { parseWithZod } from '@conform-to/zod'
import { data } from '@remix-run/node'
import { PhotoUnavailableError } from './photos.server.ts'
import { ProductCodeTakenError } from './products.server.ts'
import { ProductFormSchema } from './schema.ts'

// What the add and edit actions share: parsing the form with the schema the
// browser used, and turning the domain's refusals into field errors.

export async function parseProductForm(request: Request) {
	return parseWithZod(await request.formData(), { schema: ProductFormSchema })
}

type ProductSubmission = Awaited<ReturnType<typeof parseProductForm>>

/** The 400 answer for a form that did not validate. */
export function invalidProductForm(submission: ProductSubmission) {
	return data({ result: submission.reply(), codeSuggestion: null as string | null }, { status: 400 })
}

/** The 400 answer for a save the domain refused; anything else is rethrown. */
export function refusedProductSave(submission: ProductSubmission, error: unknown) {
	if (error instanceof ProductCodeTakenError) {
		return data(
			{ result: submission.reply({ fieldErrors: { code: ['errors.codeTaken'] } }), codeSuggestion: error.suggestion },
			{ status: 400 },
		)
	}
	if (error instanceof PhotoUnavailableError) {
		return data(
			{ result: submission.reply({ fieldErrors: { photoIds: ['errors.photoUnavailable'] } }), codeSuggestion: null },
			{ status: 400 },
		)
	}
	throw error
}
