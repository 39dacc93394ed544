/** IFA v1 (`urn:rtw:partner:adg:ifa:v1`): our model of the ADG referral form. */
export interface IfaV1 {
  readonly nachrichtId: string;
  readonly erstelltAm: string;
  readonly referenzen: {
    readonly dossier: string;
    readonly antrag: string;
    readonly krankenkasse: string;
  };
  readonly person: {
    readonly enss: string;
    readonly name: string;
    readonly vorname: string;
    readonly geschlecht: 'M' | 'W' | 'X';
    readonly geburtsdatum: string;
    readonly hauptwohnsitz: {
      readonly strasse?: string;
      readonly postleitzahl: string;
      readonly gemeinde: string;
      readonly nisKode?: string;
    };
  };
  readonly system: 'arbeitnehmer' | 'arbeitsloser' | 'selbststaendiger' | 'mithelfender-ehepartner';
  readonly beschaeftigung: { readonly arbeitsvertrag: boolean };
  readonly arbeitsunfaehigkeit: {
    readonly beginn: string;
    readonly phase: 'primaere-arbeitsunfaehigkeit' | 'invaliditaet';
  };
  readonly antrag: {
    readonly zweck: 'anmeldung' | 'orientierung' | 'ausbildung' | 'begleitung-arbeitssuche';
    readonly beantragtAm: string;
  };
  readonly koordinator: {
    readonly name: string;
    readonly telefon?: string;
    readonly email?: string;
  };
  readonly einwilligung: { readonly erteiltAm: string };
}
