import type { Locale } from '../../i18n/locales.ts';
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
 * The fixed wording of the declaration documents, per locale. Item labels follow the numbering of
 * Annex V so a reader (or a test) can check each item is present; statements are our wording of
 * what Annex V asks to be stated. The simplified text follows the model sentence of Annex VI.
 * French spacing is applied here, so the HTML, PDF and JSON of a French declaration agree.
 */
export const DECLARATION_TEXT = typesetFrenchIn({
  en: {
    title: 'EU declaration of conformity',
    colon: ': ',
    simplifiedTitle: 'Simplified EU declaration of conformity',
    // The label ends with its space, which in French is the no-break space after n° (written out:
    // the typesetter cannot see the number that follows).
    number: 'Declaration No. ',
    annexV: 'Drawn up in accordance with Annex V of Regulation (EU) 2024/2847 (Cyber Resilience Act).',
    annexVI: 'Drawn up in accordance with Annex VI of Regulation (EU) 2024/2847 (Cyber Resilience Act).',
    items: {
      product: '1. Product with digital elements: name, type and identification',
      manufacturer: '2. Name and address of the manufacturer or its authorised representative',
      responsibility: '3. Sole responsibility',
      object: '4. Object of the declaration',
      conformity: '5. Statement of conformity',
      standards: '6. Harmonised standards, common specifications or certifications',
      assessment: '7. Notified body and conformity assessment procedure',
      additional: '8. Additional information',
    },
    name: 'Name',
    type: 'Type',
    version: 'Version',
    identification: 'Identification',
    manufacturer: 'Manufacturer',
    representative: 'Authorised representative',
    website: 'Website',
    responsibility: (manufacturer: string) =>
      `This declaration of conformity is issued under the sole responsibility of the manufacturer, ${manufacturer}.`,
    conformity:
      'The object of the declaration described above is in conformity with the relevant Union harmonisation legislation:',
    kinds: {
      'harmonised-standard': 'Harmonised standard',
      'common-specification': 'Common specification',
      'cybersecurity-certification': 'Cybersecurity certification',
    },
    procedure: 'Conformity assessment procedure',
    // Article 32(1) of the regulation and the Annex VIII part that sets out each procedure.
    procedures: {
      'internal-control': 'Internal control (module A), Article 32(1)(a) and Annex VIII, Part I',
      'eu-type-examination':
        'EU-type examination (module B, Annex VIII, Part II) followed by conformity to EU-type based on internal production control (module C, Annex VIII, Part III), Article 32(1)(b)',
      'full-quality-assurance':
        'Conformity based on full quality assurance (module H), Article 32(1)(c) and Annex VIII, Part IV',
      'cybersecurity-certification': 'European cybersecurity certification scheme, Article 32(1)(d) and Article 27(9)',
    },
    notifiedBody: 'Notified body',
    notifiedBodyNone: 'No notified body took part in the conformity assessment.',
    notifiedBodyNumber: 'number',
    certificate: 'Certificate',
    signedFor: 'Signed for and on behalf of',
    placeDate: 'Place and date of issue',
    signatory: 'Name and function',
    signature: 'Signature',
    signatureLine: '______________________________',
    signedElectronically:
      'Signed electronically: this PDF embeds an electronic signature of the signatory (PAdES Basic).',
    missing: 'To be completed before issue',
    draftWatermark: 'DRAFT – not a declaration of conformity',
    draftBanner:
      'This document is a draft. It has not been issued or signed, and it is not a declaration of conformity.',
    sampleNote: 'Its content is sample data, published only to exercise the documents chain.',
    simplified: (manufacturer: string, type: string) =>
      `Hereby, ${manufacturer} declares that the product with digital elements type ${type} is in compliance with Regulation (EU) 2024/2847.`,
    fullTextAt: 'The full text of the EU declaration of conformity is available at the following internet address:',
    page: (n: number, total: number) => `Page ${n} of ${total}`,
    attachment: 'The same declaration as machine-readable JSON.',
  },
  fr: {
    title: 'Déclaration UE de conformité',
    colon: ' : ',
    simplifiedTitle: 'Déclaration UE de conformité simplifiée',
    number: 'Déclaration n°\u00a0',
    annexV: 'Établie conformément à l’annexe V du règlement (UE) 2024/2847 (règlement sur la cyberrésilience).',
    annexVI: 'Établie conformément à l’annexe VI du règlement (UE) 2024/2847 (règlement sur la cyberrésilience).',
    items: {
      product: '1. Produit comportant des éléments numériques : nom, type et identification',
      manufacturer: '2. Nom et adresse du fabricant ou de son mandataire',
      responsibility: '3. Seule responsabilité',
      object: '4. Objet de la déclaration',
      conformity: '5. Déclaration de conformité',
      standards: '6. Normes harmonisées, spécifications communes ou certifications',
      assessment: '7. Organisme notifié et procédure d’évaluation de la conformité',
      additional: '8. Informations complémentaires',
    },
    name: 'Nom',
    type: 'Type',
    version: 'Version',
    identification: 'Identification',
    manufacturer: 'Fabricant',
    representative: 'Mandataire',
    website: 'Site web',
    responsibility: (manufacturer: string) =>
      `La présente déclaration de conformité est établie sous la seule responsabilité du fabricant, ${manufacturer}.`,
    conformity:
      'L’objet de la déclaration décrit ci-dessus est conforme à la législation d’harmonisation de l’Union applicable :',
    kinds: {
      'harmonised-standard': 'Norme harmonisée',
      'common-specification': 'Spécification commune',
      'cybersecurity-certification': 'Certification de cybersécurité',
    },
    procedure: 'Procédure d’évaluation de la conformité',
    procedures: {
      'internal-control': 'Contrôle interne (module A), article 32, paragraphe 1, point a), et annexe VIII, partie I',
      'eu-type-examination':
        'Examen UE de type (module B, annexe VIII, partie II) suivi de la conformité au type UE fondée sur le contrôle interne de la production (module C, annexe VIII, partie III), article 32, paragraphe 1, point b)',
      'full-quality-assurance':
        'Conformité fondée sur l’assurance complète de la qualité (module H), article 32, paragraphe 1, point c), et annexe VIII, partie IV',
      'cybersecurity-certification':
        'Schéma européen de certification de cybersécurité, article 32, paragraphe 1, point d), et article 27, paragraphe 9',
    },
    notifiedBody: 'Organisme notifié',
    notifiedBodyNone: 'Aucun organisme notifié n’est intervenu dans l’évaluation de la conformité.',
    notifiedBodyNumber: 'numéro',
    certificate: 'Certificat',
    signedFor: 'Signé par et au nom de',
    placeDate: 'Lieu et date d’établissement',
    signatory: 'Nom et fonction',
    signature: 'Signature',
    signatureLine: '______________________________',
    signedElectronically:
      'Signé électroniquement : ce PDF intègre une signature électronique du signataire (PAdES Basic).',
    missing: 'À compléter avant l’émission',
    draftWatermark: 'PROJET – pas une déclaration de conformité',
    draftBanner:
      'Ce document est un projet. Il n’a été ni émis ni signé, et ne constitue pas une déclaration de conformité.',
    sampleNote:
      'Son contenu est constitué de données d’exemple, publiées uniquement pour éprouver la chaîne de production des documents.',
    simplified: (manufacturer: string, type: string) =>
      `Le soussigné, ${manufacturer}, déclare que le produit comportant des éléments numériques du type ${type} est conforme au règlement (UE) 2024/2847.`,
    fullTextAt: 'Le texte complet de la déclaration UE de conformité est disponible à l’adresse internet suivante :',
    page: (n: number, total: number) => `Page ${n} sur ${total}`,
    attachment: 'La même déclaration au format JSON lisible par machine.',
  },
} as const satisfies Record<Locale, unknown>);

export type DeclarationText = (typeof DECLARATION_TEXT)[Locale];
