import { defineTexts } from '../../i18n/texts.ts';
import { typesetFrenchIn } from '../../typography/typeset-values.ts';

/**
 * The regulation every declaration refers to, with its full title as published in the Official Journal
 * (OJ L, 2024/2847, 20.11.2024), in each language version (EUR-Lex, ELI eli/reg/2024/2847/oj).
 */
export const CRA = typesetFrenchIn({
  reference: 'Regulation (EU) 2024/2847',
  title: {
    en: 'Regulation (EU) 2024/2847 of the European Parliament and of the Council of 23 October 2024 on horizontal cybersecurity requirements for products with digital elements and amending Regulations (EU) No 168/2013 and (EU) 2019/1020 and Directive (EU) 2020/1828 (Cyber Resilience Act)',
    fr: 'Règlement (UE) 2024/2847 du Parlement européen et du Conseil du 23 octobre 2024 concernant des exigences de cybersécurité horizontales pour les produits comportant des éléments numériques et modifiant les règlements (UE) n° 168/2013 et (UE) 2019/1020 et la directive (UE) 2020/1828 (règlement sur la cyberrésilience)',
  },
} as const);

/**
 * The fixed wording of the declaration documents, in every locale. Item labels follow the numbering of
 * Annex V so a reader (or a test) can check each item is present; statements are our wording of
 * what Annex V asks to be stated. The simplified text follows the model sentence of Annex VI.
 * French spacing is applied here, so the HTML, PDF and JSON of a French declaration agree.
 */
export const declarationText = defineTexts({
  title: { en: 'EU declaration of conformity', fr: 'Déclaration UE de conformité' },
  colon: { en: ': ', fr: ' : ' },
  simplifiedTitle: { en: 'Simplified EU declaration of conformity', fr: 'Déclaration UE de conformité simplifiée' },
  // The label ends with its space, which in French is the no-break space after n° (written out:
  // the typesetter cannot see the number that follows).
  number: { en: 'Declaration No. ', fr: 'Déclaration n°\u00a0' },
  annexV: {
    en: 'Drawn up in accordance with Annex V of Regulation (EU) 2024/2847 (Cyber Resilience Act).',
    fr: 'Établie conformément à l’annexe V du règlement (UE) 2024/2847 (règlement sur la cyberrésilience).',
  },
  annexVI: {
    en: 'Drawn up in accordance with Annex VI of Regulation (EU) 2024/2847 (Cyber Resilience Act).',
    fr: 'Établie conformément à l’annexe VI du règlement (UE) 2024/2847 (règlement sur la cyberrésilience).',
  },
  items: {
    product: {
      en: '1. Product with digital elements: name, type and identification',
      fr: '1. Produit comportant des éléments numériques : nom, type et identification',
    },
    manufacturer: {
      en: '2. Name and address of the manufacturer or its authorised representative',
      fr: '2. Nom et adresse du fabricant ou de son mandataire',
    },
    responsibility: { en: '3. Sole responsibility', fr: '3. Seule responsabilité' },
    object: { en: '4. Object of the declaration', fr: '4. Objet de la déclaration' },
    conformity: { en: '5. Statement of conformity', fr: '5. Déclaration de conformité' },
    standards: {
      en: '6. Harmonised standards, common specifications or certifications',
      fr: '6. Normes harmonisées, spécifications communes ou certifications',
    },
    assessment: {
      en: '7. Notified body and conformity assessment procedure',
      fr: '7. Organisme notifié et procédure d’évaluation de la conformité',
    },
    additional: { en: '8. Additional information', fr: '8. Informations complémentaires' },
  },
  name: { en: 'Name', fr: 'Nom' },
  type: { en: 'Type', fr: 'Type' },
  version: { en: 'Version', fr: 'Version' },
  identification: { en: 'Identification', fr: 'Identification' },
  manufacturer: { en: 'Manufacturer', fr: 'Fabricant' },
  representative: { en: 'Authorised representative', fr: 'Mandataire' },
  website: { en: 'Website', fr: 'Site web' },
  responsibility: {
    en: (manufacturer: string) =>
      `This declaration of conformity is issued under the sole responsibility of the manufacturer, ${manufacturer}.`,
    fr: (manufacturer: string) =>
      `La présente déclaration de conformité est établie sous la seule responsabilité du fabricant, ${manufacturer}.`,
  },
  conformity: {
    en: 'The object of the declaration described above is in conformity with the relevant Union harmonisation legislation:',
    fr: 'L’objet de la déclaration décrit ci-dessus est conforme à la législation d’harmonisation de l’Union applicable :',
  },
  kinds: {
    'harmonised-standard': { en: 'Harmonised standard', fr: 'Norme harmonisée' },
    'common-specification': { en: 'Common specification', fr: 'Spécification commune' },
    'cybersecurity-certification': { en: 'Cybersecurity certification', fr: 'Certification de cybersécurité' },
  },
  procedure: { en: 'Conformity assessment procedure', fr: 'Procédure d’évaluation de la conformité' },
  // Article 32(1) of the regulation and the Annex VIII part that sets out each procedure.
  procedures: {
    'internal-control': {
      en: 'Internal control (module A), Article 32(1)(a) and Annex VIII, Part I',
      fr: 'Contrôle interne (module A), article 32, paragraphe 1, point a), et annexe VIII, partie I',
    },
    'eu-type-examination': {
      en: 'EU-type examination (module B, Annex VIII, Part II) followed by conformity to EU-type based on internal production control (module C, Annex VIII, Part III), Article 32(1)(b)',
      fr: 'Examen UE de type (module B, annexe VIII, partie II) suivi de la conformité au type UE fondée sur le contrôle interne de la production (module C, annexe VIII, partie III), article 32, paragraphe 1, point b)',
    },
    'full-quality-assurance': {
      en: 'Conformity based on full quality assurance (module H), Article 32(1)(c) and Annex VIII, Part IV',
      fr: 'Conformité fondée sur l’assurance complète de la qualité (module H), article 32, paragraphe 1, point c), et annexe VIII, partie IV',
    },
    'cybersecurity-certification': {
      en: 'European cybersecurity certification scheme, Article 32(1)(d) and Article 27(9)',
      fr: 'Schéma européen de certification de cybersécurité, article 32, paragraphe 1, point d), et article 27, paragraphe 9',
    },
  },
  notifiedBody: { en: 'Notified body', fr: 'Organisme notifié' },
  notifiedBodyNone: {
    en: 'No notified body took part in the conformity assessment.',
    fr: 'Aucun organisme notifié n’est intervenu dans l’évaluation de la conformité.',
  },
  notifiedBodyNumber: { en: 'number', fr: 'numéro' },
  certificate: { en: 'Certificate', fr: 'Certificat' },
  signedFor: { en: 'Signed for and on behalf of', fr: 'Signé par et au nom de' },
  placeDate: { en: 'Place and date of issue', fr: 'Lieu et date d’établissement' },
  signatory: { en: 'Name and function', fr: 'Nom et fonction' },
  signature: { en: 'Signature', fr: 'Signature' },
  signatureLine: { en: '______________________________', fr: '______________________________' },
  signedElectronically: {
    en: 'Signed electronically: this PDF embeds an electronic signature of the signatory (PAdES Basic).',
    fr: 'Signé électroniquement : ce PDF intègre une signature électronique du signataire (PAdES Basic).',
  },
  missing: { en: 'To be completed before issue', fr: 'À compléter avant l’émission' },
  draftWatermark: { en: 'DRAFT – not a declaration of conformity', fr: 'PROJET – pas une déclaration de conformité' },
  draftBanner: {
    en: 'This document is a draft. It has not been issued or signed, and it is not a declaration of conformity.',
    fr: 'Ce document est un projet. Il n’a été ni émis ni signé, et ne constitue pas une déclaration de conformité.',
  },
  sampleNote: {
    en: 'Its content is sample data, published only to exercise the documents chain.',
    fr: 'Son contenu est constitué de données d’exemple, publiées uniquement pour éprouver la chaîne de production des documents.',
  },
  simplified: {
    en: (manufacturer: string, type: string) =>
      `Hereby, ${manufacturer} declares that the product with digital elements type ${type} is in compliance with Regulation (EU) 2024/2847.`,
    fr: (manufacturer: string, type: string) =>
      `Le soussigné, ${manufacturer}, déclare que le produit comportant des éléments numériques du type ${type} est conforme au règlement (UE) 2024/2847.`,
  },
  fullTextAt: {
    en: 'The full text of the EU declaration of conformity is available at the following internet address:',
    fr: 'Le texte complet de la déclaration UE de conformité est disponible à l’adresse internet suivante :',
  },
  page: {
    en: (n: number, total: number) => `Page ${n} of ${total}`,
    fr: (n: number, total: number) => `Page ${n} sur ${total}`,
  },
  attachment: {
    en: 'The same declaration as machine-readable JSON.',
    fr: 'La même déclaration au format JSON lisible par machine.',
  },
});

export type DeclarationText = ReturnType<typeof declarationText>;
