/** "0:07.5": minutes, seconds and a tenth, as the scrubber and the lists show times. */
export function formatSeconds(seconds: number): string {
	const tenths = Math.round(Math.max(0, seconds) * 10)
	const minutes = Math.floor(tenths / 600)
	const secondTenths = tenths - minutes * 600
	const whole = Math.floor(secondTenths / 10)
	return `${minutes}:${String(whole).padStart(2, '0')}.${secondTenths % 10}`
}
