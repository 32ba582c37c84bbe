// Units co-ops sell by, offered as one-tap choices; any other unit can be typed.
// They are product data shown to Vietnamese buyers, so they stay in Vietnamese
// whatever the interface language.
export const COMMON_UNITS = ['hộp', 'gói', 'túi', 'kg', 'chai', 'lọ', 'hũ', 'bó', 'bao', 'lít'] as const

export const MAX_UNIT_LENGTH = 30
