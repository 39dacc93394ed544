/** FIA v1 (`urn:rtw:partner:actiris:fia:v1`): our model of the Actiris registration form. */
export interface FiaV1 {
  readonly identifiantMessage: string;
  readonly creeLe: string;
  readonly references: {
    readonly dossier: string;
    readonly demande: string;
    readonly organismeAssureur: string;
  };
  readonly personne: {
    readonly niss: string;
    readonly nom: string;
    readonly prenom: string;
    readonly sexe: 'M' | 'F' | 'X';
    readonly dateNaissance: string;
    readonly langueContact: 'fr' | 'nl';
    readonly residence: {
      readonly rue?: string;
      readonly codePostal: string;
      readonly commune: string;
      readonly codeINS?: string;
    };
  };
  readonly regime: 'salarie' | 'chomeur' | 'independant' | 'conjoint-aidant';
  readonly incapacite: { readonly debut: string; readonly phase: 'primaire' | 'invalidite' };
  readonly demande: {
    readonly objet: 'inscription' | 'orientation' | 'formation' | 'recherche-emploi';
    readonly demandeeLe: string;
  };
  readonly coordinateur: {
    readonly nom: string;
    readonly telephone?: string;
    readonly courriel?: string;
  };
  readonly consentement: { readonly donneLe: string };
  readonly echeancePresentation: string;
}
