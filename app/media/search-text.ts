import { foldForMatching } from '~/utils/vietnamese.ts'

/** The folded copy of what a search may match: "Đồi chè Suối Giàng" → "doi che suoi giang". */
export function mediaSearchText(media: { displayName: string; place?: string | null; season?: string | null }) {
	return foldForMatching([media.displayName, media.place ?? '', media.season ?? ''].join(' '))
}
