/** A mistake in how the command was called (exit code 1, one-line message, no stack). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
