// The one way an action runs the form that was sent: every form names what it
// asks for in an `intent` field, the route lists the intents it knows, each
// with its handler, and anything else is a 400 that says what to do
// (docs/decisions/110-route-shape.md).

type IntentHandlers = Record<string, () => Promise<unknown>>

/** Runs the handler named by the form's `intent`; an unknown or missing intent answers 400. */
export async function dispatchIntent<Handlers extends IntentHandlers>(
	formData: FormData,
	handlers: Handlers,
): Promise<Awaited<ReturnType<Handlers[keyof Handlers]>>> {
	const intent = formData.get('intent')
	if (typeof intent !== 'string' || !Object.hasOwn(handlers, intent)) throw unknownIntent(intent)
	return (await handlers[intent]()) as Awaited<ReturnType<Handlers[keyof Handlers]>>
}

function unknownIntent(intent: FormDataEntryValue | null) {
	const named = typeof intent === 'string' && intent ? ` "${intent.slice(0, 40)}"` : ''
	return new Response(
		`Trang này không làm được việc${named} mà biểu mẫu gửi lên. Hãy tải lại trang rồi thử lại. ` +
			`(This page cannot do what the form asked${named}. Reload the page and try again.)`,
		{ status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } },
	)
}
