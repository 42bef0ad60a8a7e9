/** Minimum, average and maximum of a series of measurements. */
export interface MinAvgMax {
  /** Smallest sample. */
  readonly min: number;
  /** Mean of the samples. */
  readonly avg: number;
  /** Largest sample. */
  readonly max: number;
}

/** Statistics of one operation name, such as `EnumerateInstances`. */
export interface OperationStatistic {
  /** Operation name, such as `EnumerateInstances`. */
  readonly name: string;
  /** Number of calls, including failed ones. */
  readonly count: number;
  /** Number of calls that raised an error. */
  readonly errorCount: number;
  /** Time from the call to its result or error, in milliseconds. */
  readonly clientTime: MinAvgMax;
  /** Server time from `WBEMServerResponseTime`, in microseconds; null when the server never sent it. */
  readonly serverTime: MinAvgMax | null;
  /** Request body size in bytes. */
  readonly requestBytes: MinAvgMax;
  /** Response body size in bytes. */
  readonly responseBytes: MinAvgMax;
}

/** Measurements of one call. */
export interface OperationSample {
  /** Milliseconds. */
  clientTime: number;
  /** Microseconds, or null when the server did not send `WBEMServerResponseTime`. */
  serverTime: number | null;
  /** Size of the request body in bytes. */
  requestBytes: number;
  /** Size of the response body in bytes. */
  responseBytes: number;
  /** Whether the operation raised an error. */
  failed: boolean;
}

class Series {
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  add(value: number): void {
    this.count += 1;
    this.sum += value;
    this.min = Math.min(this.min, value);
    this.max = Math.max(this.max, value);
  }

  summary(): MinAvgMax {
    if (this.count === 0) return { min: 0, avg: 0, max: 0 };
    return Object.freeze({ min: this.min, avg: this.sum / this.count, max: this.max });
  }
}

class Accumulator {
  count = 0;
  errorCount = 0;
  readonly clientTime = new Series();
  readonly serverTime = new Series();
  readonly requestBytes = new Series();
  readonly responseBytes = new Series();
}

/** Per-operation statistics of one connection: counts, times and sizes. */
export class Statistics {
  /** Whether `add` records samples; default true. */
  enabled = true;

  readonly #byName = new Map<string, Accumulator>();

  /** Adds the measurements of one call of an operation. */
  add(name: string, sample: OperationSample): void {
    if (!this.enabled) return;

    let entry = this.#byName.get(name);
    if (entry === undefined) {
      entry = new Accumulator();
      this.#byName.set(name, entry);
    }

    entry.count += 1;
    if (sample.failed) entry.errorCount += 1;
    entry.clientTime.add(sample.clientTime);
    if (sample.serverTime !== null) entry.serverTime.add(sample.serverTime);
    entry.requestBytes.add(sample.requestBytes);
    entry.responseBytes.add(sample.responseBytes);
  }

  /** Returns the statistics of every operation called so far, sorted by name. */
  snapshot(): readonly OperationStatistic[] {
    const names = [...this.#byName.keys()].sort();
    return Object.freeze(names.map((name) => freezeStatistic(name, this.#byName.get(name) as Accumulator)));
  }

  /** Forgets all samples. */
  reset(): void {
    this.#byName.clear();
  }
}

function freezeStatistic(name: string, entry: Accumulator): OperationStatistic {
  return Object.freeze({
    name,
    count: entry.count,
    errorCount: entry.errorCount,
    clientTime: entry.clientTime.summary(),
    serverTime: entry.serverTime.count === 0 ? null : entry.serverTime.summary(),
    requestBytes: entry.requestBytes.summary(),
    responseBytes: entry.responseBytes.summary(),
  });
}
