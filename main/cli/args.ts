import { AppError } from '../../shared/errors';

/** `--name value`, `--name=value` and `--flag`; everything else is positional. */
export class Args {
  readonly positional: string[] = [];
  private readonly options = new Map<string, string | true>();
  /** Every value of an option given more than once (`--param a=1 --param b=2`), in order. */
  private readonly repeated = new Map<string, Array<string | true>>();

  constructor(argv: readonly string[]) {
    const set = (name: string, value: string | true) => {
      this.options.set(name, value);
      this.repeated.set(name, [...(this.repeated.get(name) ?? []), value]);
    };
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      if (arg.startsWith('--')) {
        const eq = arg.indexOf('=');
        if (eq > 0) set(arg.slice(2, eq), arg.slice(eq + 1));
        else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) set(arg.slice(2), argv[++i]);
        else set(arg.slice(2), true);
      } else {
        this.positional.push(arg);
      }
    }
  }

  /** All values of a repeatable option, in the order given. */
  list(name: string): string[] {
    return (this.repeated.get(name) ?? []).map((value) => {
      if (value === true) throw new AppError('validation', `Opsi --${name} memerlukan nilai.`);
      return value;
    });
  }

  flag(name: string): boolean {
    return this.options.has(name);
  }

  string(name: string): string | undefined {
    const value = this.options.get(name);
    if (value === true) throw new AppError('validation', `Opsi --${name} memerlukan nilai.`);
    return value;
  }

  required(name: string): string {
    const value = this.string(name);
    if (!value) throw new AppError('validation', `Opsi --${name} wajib diisi.`);
    return value;
  }

  integer(name: string, min: number, max: number): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      throw new AppError('validation', `Opsi --${name} harus bilangan bulat ${min}–${max}, bukan "${value}".`);
    }
    return number;
  }

  /** Options the command did not ask about are mistakes (a typo would otherwise be silently ignored). */
  rejectUnknown(known: readonly string[]): void {
    for (const name of this.options.keys()) {
      if (!known.includes(name)) throw new AppError('validation', `Opsi tidak dikenal: --${name}.`);
    }
  }
}
