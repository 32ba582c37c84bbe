// VietQR bank-transfer codes generated offline: the EMVCo merchant-presented
// QR payload (EMV QRCPS-MPM) as NAPAS 247 profiles it, so that any Vietnamese
// banking app opens a transfer with the account, the amount and the order
// number already filled in (docs/decisions/181-vietqr-payload.md).

/** NAPAS's application id, the GUID of the VietQR merchant account template (ID 38). */
const NAPAS_GUID = 'A000000727'
/** NAPAS service codes: fast transfer to an account number, or to a card number. */
const SERVICE_CODES = { account: 'QRIBFTTA', card: 'QRIBFTTC' } as const
const VND_NUMERIC = '704'

export type VietQrTransfer = {
	/** The bank's 6-digit acquirer BIN (NAPAS list: 970436 Vietcombank, 970415 VietinBank, ...). */
	bin: string
	/** The beneficiary's account number (or card number with `to: 'card'`). */
	account: string
	to?: keyof typeof SERVICE_CODES
	/** Whole đồng; without it the payer types the amount (a static code). */
	amount?: number
	/** The order number, carried as the bill number (additional data 01). */
	billNumber?: string
	/** The transfer message banks show and send (additional data 08), e.g. "DH1042". */
	purpose?: string
}

export class VietQrError extends Error {}

/** One EMVCo data object: two-digit id, two-digit length, value. */
function field(id: string, value: string): string {
	if (value.length > 99) throw new VietQrError(`field ${id} is longer than 99 characters`)
	return `${id}${String(value.length).padStart(2, '0')}${value}`
}

/** CRC-16/CCITT-FALSE (poly 0x1021, initial 0xFFFF, no reflection), as EMVCo's field 63 requires. */
export function crc16CcittFalse(text: string): string {
	let crc = 0xffff
	for (const byte of new TextEncoder().encode(text)) {
		crc ^= byte << 8
		for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
	}
	return crc.toString(16).toUpperCase().padStart(4, '0')
}

// Bank apps read the additional data as plain ASCII: Vietnamese accents are dropped, as NAPAS asks.
function asciiText(text: string, what: string): string {
	const plain = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').trim()
	if (!/^[\x20-\x7e]*$/.test(plain)) throw new VietQrError(`${what} must be letters, digits and spaces`)
	return plain
}

/** The payload string to put in a QR code, ending with its checksum. */
export function vietQrPayload(transfer: VietQrTransfer): string {
	if (!/^\d{6}$/.test(transfer.bin)) throw new VietQrError('the bank BIN is 6 digits')
	if (!/^[0-9A-Za-z]{1,19}$/.test(transfer.account)) throw new VietQrError('the account number is 1 to 19 letters or digits')
	const amount = transfer.amount
	if (amount !== undefined && (!Number.isSafeInteger(amount) || amount <= 0 || String(amount).length > 13)) {
		throw new VietQrError('the amount is a whole number of đồng above 0')
	}
	const beneficiary = field('00', transfer.bin) + field('01', transfer.account)
	const merchantAccount = field('00', NAPAS_GUID) + field('01', beneficiary) + field('02', SERVICE_CODES[transfer.to ?? 'account'])
	const billNumber = transfer.billNumber ? asciiText(transfer.billNumber, 'the order number') : ''
	const purpose = transfer.purpose ? asciiText(transfer.purpose, 'the transfer message') : ''
	const additional = (billNumber ? field('01', billNumber) : '') + (purpose ? field('08', purpose) : '')
	const body =
		field('00', '01') +
		// 12: a code for one payment (its amount is set); 11: a reusable code.
		field('01', amount === undefined ? '11' : '12') +
		field('38', merchantAccount) +
		field('53', VND_NUMERIC) +
		(amount === undefined ? '' : field('54', String(amount))) +
		field('58', 'VN') +
		(additional ? field('62', additional) : '') +
		'6304'
	return body + crc16CcittFalse(body)
}
