/** The official languages the hub's partners use. */
export type Language = 'fr' | 'nl' | 'de';
