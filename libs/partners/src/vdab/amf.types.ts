/** AMF v1 (`urn:rtw:partner:vdab:amf:v1`): our model of the VDAB referral form. */
export interface AmfV1 {
  readonly berichtId: string;
  readonly aangemaaktOp: string;
  readonly referenties: {
    readonly dossier: string;
    readonly aanvraag: string;
    readonly ziekenfonds: string;
  };
  readonly persoon: {
    readonly inss: string;
    readonly naam: string;
    readonly voornaam: string;
    readonly geslacht: 'M' | 'V' | 'X';
    readonly geboortedatum: string;
    readonly hoofdverblijfplaats: {
      readonly straat?: string;
      readonly postcode: string;
      readonly gemeente: string;
      readonly nisCode?: string;
    };
  };
  readonly stelsel: 'werknemer' | 'werkloze' | 'zelfstandige' | 'meewerkende-echtgenoot';
  readonly tewerkstelling: { readonly arbeidsovereenkomst: boolean };
  readonly arbeidsongeschiktheid: {
    readonly begindatum: string;
    readonly fase: 'primaire-ongeschiktheid' | 'invaliditeit';
  };
  readonly aanvraag: {
    readonly doel: 'inschrijving' | 'orientering' | 'opleiding' | 'begeleiding-naar-werk';
    readonly aangevraagdOp: string;
    readonly gtbBetrokken?: boolean;
  };
  readonly coordinator: {
    readonly naam: string;
    readonly telefoon?: string;
    readonly email?: string;
  };
  readonly toestemming: { readonly gegevenOp: string };
}
