import type { Dispatcher } from 'undici';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import { trimChar } from '../strings.js';
import { DEFAULT_USER_AGENT } from './client.js';
import { createTimedAgent, HttpSender, type HttpTimeouts } from './http.js';
import type { ImageReference } from './names.js';
import { RequestBudget } from './request-budget.js';

/** What the Hub web page knows about a tag; extra colour for the answer, never the verdict. */
export interface HubTagInfo {
  lastPushed: string | undefined;
  fullSizeBytes: number | undefined;
  /** `os/architecture[/variant]` of each image under the tag. */
  platforms: string[];
}

const hubTag = z.object({
  tag_last_pushed: z.string().nullish(),
  last_updated: z.string().nullish(),
  full_size: z.number().nonnegative().nullish(),
  images: z
    .array(
      z.object({
        architecture: z.string().nullish(),
        os: z.string().nullish(),
        variant: z.string().nullish(),
      }),
    )
    .nullish(),
});

/** Short: enrichment must never hold up the verdict for long. */
export const DEFAULT_HUB_TIMEOUTS: HttpTimeouts = {
  connectMs: 1_500,
  headersMs: 2_500,
  bodyMs: 2_500,
  totalMs: 3_000,
};
const MAX_HUB_BODY_BYTES = 256 * 1024;

export interface HubClientOptions {
  /** e.g. `https://hub.docker.com` */
  hubUrl: string;
  timeouts?: HttpTimeouts;
  userAgent?: string;
  dispatcher?: Dispatcher;
  logger?: Logger;
}

/**
 * The Docker Hub web API (`/v2/namespaces/NS/repositories/REPO/tags/TAG`). It lags the
 * registry and has its own rate limit, so every problem (404, 429, 5xx, timeout, odd JSON)
 * simply means "no extra information".
 */
export class HubClient {
  private readonly http: HttpSender;
  private readonly baseUrl: URL;

  constructor(private readonly options: HubClientOptions) {
    this.baseUrl = new URL(trimChar(options.hubUrl, '/', 'end'));
    const timeouts = options.timeouts ?? DEFAULT_HUB_TIMEOUTS;
    this.http = new HttpSender({
      dispatcher: options.dispatcher ?? createTimedAgent(timeouts),
      timeouts,
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    });
  }

  async tagInfo(
    reference: ImageReference,
    budget: RequestBudget = new RequestBudget(),
  ): Promise<HubTagInfo | undefined> {
    const path = `/v2/namespaces/${reference.namespace}/repositories/${reference.repository}/tags/${reference.tag}`;
    const url = new URL(`${this.baseUrl.pathname.replace(/\/$/, '')}${path}`, this.baseUrl);
    const result = await this.http.send(
      {
        purpose: 'hub',
        method: 'GET',
        url,
        headers: { accept: 'application/json' },
        readBodyUpTo: MAX_HUB_BODY_BYTES,
        signal: budget.signal,
      },
      budget.requests,
    );
    if (!result.ok || result.response.status !== 200) {
      this.options.logger?.debug(
        { status: result.ok ? result.response.status : result.failure },
        'hub tag lookup gave no information',
      );
      return undefined;
    }
    let json: unknown;
    try {
      json = JSON.parse(result.response.body ?? '');
    } catch {
      return undefined;
    }
    const parsed = hubTag.safeParse(json);
    if (!parsed.success) return undefined;
    const tag = parsed.data;
    return {
      lastPushed: tag.tag_last_pushed ?? tag.last_updated ?? undefined,
      fullSizeBytes: tag.full_size ?? undefined,
      platforms: (tag.images ?? [])
        .filter((image) => image.os && image.architecture && image.os !== 'unknown')
        .map((image) => [image.os, image.architecture, image.variant].filter(Boolean).join('/')),
    };
  }
}
