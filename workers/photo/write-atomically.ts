import fs from 'node:fs/promises'
import path from 'node:path'
import { nanoid } from 'nanoid'

/**
 * Writes beside the destination under a temporary name, then renames: a
 * reader (the web process serving downloads, a publisher) sees either no file
 * or the whole file, never a half-written one.
 */
export async function writeFileAtomically(destination: string, data: Buffer) {
	const temporary = path.join(path.dirname(destination), `.${path.basename(destination)}.${nanoid(8)}.tmp`)
	try {
		await fs.writeFile(temporary, data)
		await fs.rename(temporary, destination)
	} catch (error) {
		await fs.rm(temporary, { force: true })
		throw error
	}
}
