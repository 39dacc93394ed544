/** CPMT referral v1 (`urn:rtw:partner:cpmt:referral:v1`): our model of the referral message. */
export interface CpmtReferralV1 {
  readonly messageId: string;
  readonly createdAt: string;
  readonly references: {
    readonly dossier: string;
    readonly referral: string;
    readonly insurer: string;
  };
  readonly preventionService: { readonly enterpriseNumber: string; readonly name: string };
  readonly worker: {
    readonly niss: string;
    readonly lastName: string;
    readonly firstName: string;
    readonly language: 'fr' | 'nl' | 'de';
  };
  readonly employment: { readonly employerEnterpriseNumber: string; readonly jobTitle?: string };
  readonly incapacity: { readonly startDate: string };
  readonly request: {
    readonly purpose: 'pre-reintegration-visit' | 'reintegration-trajectory';
    readonly requestedOn: string;
  };
  readonly coordinator: { readonly name: string; readonly phone?: string; readonly email?: string };
  readonly consent: { readonly givenOn: string };
}
