// What the /channels pages call: the channel and connection functions bound
// to the app's database (routes never open it themselves, decision 110).

import { getDb } from '~/utils/db.server.ts'
import { addManualChannel, archiveChannel, listChannels, type ManualChannelInput } from './channels.server.ts'
import type { OAuthPlatform } from './channel-kinds.ts'
import { connectFacebookPages, facebookPagesToPick, finishConnect, startConnect } from './oauth.server.ts'

type Who = { coopId: string; userId: string }

export const channelsOfCoop = (coopId: string) => listChannels(getDb(), coopId)
export const addManual = (who: Who, input: ManualChannelInput) => addManualChannel(getDb(), who.coopId, who.userId, input)
export const removeChannel = (coopId: string, channelId: string) => archiveChannel(getDb(), coopId, channelId)
export const consentAddress = (platform: OAuthPlatform, who: Who, requestUrl: string) => startConnect(getDb(), platform, who, requestUrl)
export const finishConsent = (platform: OAuthPlatform, requestUrl: string, who: Who) =>
	finishConnect(getDb(), platform, new URL(requestUrl).searchParams, who, requestUrl)
export const pagesToPick = (pick: string | null, who: Who) => facebookPagesToPick(getDb(), pick, who)
export const connectPages = (pick: string | null, pageIds: string[], who: Who) => connectFacebookPages(getDb(), pick, pageIds, who)
