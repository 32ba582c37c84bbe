import { formatVnd } from '~/utils/money.ts'

// Talking points for the host, one product at a time, written from the
// product's own facts when no OpenAI key is configured (or the call fails):
// what it is and the price, where it grows, the batch and harvest, its
// certifications, and how to order in a comment. Vietnamese, short lines the
// host can read at a glance; only facts that are present, nothing invented.

export type TalkingFacts = {
	code: string
	name: string
	unit: string
	priceVnd: number
	growingArea: string | null
	producerGroup: string | null
	batch: string | null
	/** "YYYY-MM-DD" in the co-op's zone, or null. */
	harvestDay: string | null
	/** Certification labels as people read them ("VietGAP", "OCOP 4 sao"). */
	certifications: string[]
	stockOpened: number | null
}

function dayMonthYear(day: string): string {
	const [y, m, d] = day.split('-')
	return `${d}/${m}/${y}`
}

/** The offline template: one point a line, each starting with "• ". */
export function offlineTalkingPoints(facts: TalkingFacts): string {
	const lines: string[] = []
	const unit = facts.unit.trim() || 'phần'
	lines.push(`${facts.name} (mã ${facts.code}): ${formatVnd(facts.priceVnd)} một ${unit}.`)
	if (facts.growingArea) lines.push(`Trồng ở ${facts.growingArea}${facts.producerGroup ? `, do ${facts.producerGroup} làm` : ''}.`)
	else if (facts.producerGroup) lines.push(`Do ${facts.producerGroup} làm.`)
	if (facts.batch && facts.harvestDay) lines.push(`Lô ${facts.batch}, thu hoạch ngày ${dayMonthYear(facts.harvestDay)}.`)
	else if (facts.batch) lines.push(`Lô ${facts.batch}.`)
	else if (facts.harvestDay) lines.push(`Thu hoạch ngày ${dayMonthYear(facts.harvestDay)}.`)
	if (facts.certifications.length > 0) lines.push(`Chứng nhận: ${facts.certifications.join(', ')}.`)
	if (facts.stockOpened !== null) lines.push(`Buổi live này chỉ mở ${facts.stockOpened} ${unit}.`)
	lines.push(`Chốt đơn: bình luận "${facts.code} + số lượng + số điện thoại", ví dụ "${facts.code} 2 0912345678".`)
	return lines.map((line) => `• ${line}`).join('\n')
}
