import { hostname } from "node:os"
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { RUN_CHUNK_READY, type RunChunkReadyEvent } from "../events"
import { postRunChunk } from "../workflows/batch/post-run-chunk"

/** Whichever worker receives a ready chunk posts it (the claim makes sure only one does). */
export default async function postReadyChunk({ event, container }: SubscriberArgs<RunChunkReadyEvent>) {
  await postRunChunk(container, event.data.chunk_id, `${hostname()}:${process.pid}`)
}

export const config: SubscriberConfig = {
  event: RUN_CHUNK_READY,
  context: { subscriberId: "invoicing-post-run-chunk" },
}
