/** The console's public URL (MONITOR_PUBLIC_URL): the base of the login callback. */
export class PublicUrl {
  constructor(readonly href: string) {}
}

/** Where the console is served: the one origin allowed to change state. */
export class ConsoleOrigin {
  constructor(readonly origin: string) {}
}
