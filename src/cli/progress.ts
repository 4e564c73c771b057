/** A records-read counter on stderr, for people at a terminal waiting on a large catalogue. */
import { t } from '../i18n/ui.js';
import type { Lang } from '../core/lang.js';

export class Progress {
  private count = 0;
  private timer: NodeJS.Timeout | undefined;
  private shown = false;
  private readonly started = Date.now();

  constructor(
    private readonly lang: Lang,
    private readonly enabled = Boolean(process.stderr.isTTY) && !process.env.CI,
  ) {
    // Only once a run lasts long enough for a person to wonder whether it is still going.
    if (this.enabled) this.timer = setInterval(() => this.draw(), 250).unref();
  }

  tick(): void {
    this.count++;
  }

  private draw(): void {
    if (Date.now() - this.started < 1000) return;
    this.shown = true;
    const rate = Math.round(this.count / ((Date.now() - this.started) / 1000));
    process.stderr.write(
      `\r\x1b[2K  ${this.count.toLocaleString(`${this.lang}-CA`)} ${t('progress', this.lang)} (${rate.toLocaleString(`${this.lang}-CA`)}/s)`,
    );
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.shown) process.stderr.write('\r\x1b[2K');
  }
}
