import { mkdir, rename, writeFile } from "node:fs/promises"
import path from "node:path"
import type { ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"

type Options = { directory: string }

/**
 * A notification provider for the demo and the tests: each message is written to a folder
 * of its own (message.json and its attachments), so what was sent can be opened and read.
 */
export class FolderNotificationService extends AbstractNotificationProviderService {
  static identifier = "notification-folder"
  private sent = 0

  constructor(_: unknown, private readonly options: Options) {
    super()
  }

  static validateOptions(options: Record<string, unknown>) {
    if (typeof options.directory !== "string" || !options.directory) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "notification-folder: the option `directory` must name a folder")
    }
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    // Folder names come from a counter and the time, never from the message.
    const id = `${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}-${++this.sent}`
    // Written beside the directory (same file system) and renamed into it: a reader of the
    // directory sees a whole message or none.
    const folder = path.join(`${path.resolve(this.options.directory)}.sending`, id)
    await mkdir(folder, { recursive: true })
    await mkdir(this.options.directory, { recursive: true })
    const attachments = notification.attachments ?? []
    await Promise.all(
      attachments.map((a, i) => writeFile(path.join(folder, `attachment-${i + 1}${path.extname(a.filename ?? "") || ".bin"}`), Buffer.from(a.content, "base64")))
    )
    const message = {
      to: notification.to,
      channel: notification.channel,
      template: notification.template,
      content: notification.content ?? null,
      data: notification.data ?? null,
      attachments: attachments.map((a, i) => ({ filename: a.filename, content_type: a.content_type, file: `attachment-${i + 1}${path.extname(a.filename ?? "") || ".bin"}` })),
    }
    await writeFile(path.join(folder, "message.json"), JSON.stringify(message, null, 2))
    await rename(folder, path.resolve(this.options.directory, id))
    return { id }
  }
}
