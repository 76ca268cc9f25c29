import type { Locale } from '../i18n/locales.ts';
import { defineTexts } from '../i18n/texts.ts';
import type { Severity } from './csaf/cvss.ts';

/**
 * Words several compliance pages and components share: `ct(locale).status`. Words only one
 * component uses are defined in that component.
 */
export const ct = defineTexts({
  documents: { en: 'Documents for version', fr: 'Documents de la version' },
  document: { en: 'Document', fr: 'Document' },
  language: { en: 'Language', fr: 'Langue' },
  formats: { en: 'Formats', fr: 'Formats' },
  checksums: { en: 'Checksums', fr: 'Sommes de contrôle' },
  fullDeclaration: { en: 'EU declaration of conformity', fr: 'Déclaration UE de conformité' },
  simplifiedDeclaration: { en: 'Simplified declaration', fr: 'Déclaration simplifiée' },
  webPage: { en: 'Web page', fr: 'Page web' },
  allSums: { en: 'All checksums of this version', fr: 'Toutes les sommes de contrôle de cette version' },
  schemas: { en: 'JSON Schemas of the machine-readable files', fr: 'Schémas JSON des fichiers lisibles par machine' },
  schemaFull: { en: 'Full declaration', fr: 'Déclaration complète' },
  schemaSimplified: { en: 'Simplified declaration', fr: 'Déclaration simplifiée' },
  draft: { en: 'Draft', fr: 'Projet' },
  issued: { en: 'Issued', fr: 'Émise' },
  superseded: { en: 'Superseded', fr: 'Remplacée' },
  withdrawn: { en: 'Withdrawn', fr: 'Retirée' },
  issuedOn: { en: 'Issued on', fr: 'Émise le' },
  supersededOn: { en: 'Superseded on', fr: 'Remplacée le' },
  supersededByVersion: { en: 'by the declaration for version', fr: 'par la déclaration de la version' },
  supersededNote: {
    en: 'This declaration stays published, unchanged, as it was issued; the declaration now in force is the later one.',
    fr: 'Cette déclaration reste publiée, inchangée, telle qu’elle a été émise ; la déclaration en vigueur est la plus récente.',
  },
  withdrawnOn: { en: 'Withdrawn on', fr: 'Retirée le' },
  withdrawnNote: {
    en: 'The manufacturer no longer declares conformity on the basis of this declaration. It stays published, unchanged, as a record.',
    fr: 'Le fabricant ne déclare plus la conformité sur le fondement de cette déclaration. Elle reste publiée, inchangée, pour mémoire.',
  },
  covers: { en: 'Versions covered', fr: 'Versions couvertes' },
  padesSigned: {
    en: 'The PDF files embed an electronic signature (PAdES Basic) made with the certificate of',
    fr: 'Les fichiers PDF intègrent une signature électronique (PAdES Basic) réalisée avec le certificat de',
  },
  openpgpSigned: {
    en: 'Every file of this version has a detached OpenPGP signature (.asc) made with the key',
    fr: 'Chaque fichier de cette version a une signature OpenPGP détachée (.asc) réalisée avec la clé',
  },
  unsigned: {
    en: 'These files carry no electronic signature.',
    fr: 'Ces fichiers ne portent pas de signature électronique.',
  },
  openpgpKey: { en: 'public key', fr: 'clé publique' },
  frozen: {
    en: 'The files of an issued declaration are archived when it is issued and republished byte for byte; the checksums below do not change from one publication of the site to the next.',
    fr: 'Les fichiers d’une déclaration émise sont archivés lors de son émission et republiés à l’octet près ; les sommes de contrôle ci-dessous ne changent pas d’une publication du site à l’autre.',
  },
  signatureFile: { en: 'signature', fr: 'signature' },
  statusTitle: { en: 'Status of the declarations', fr: 'Statut des déclarations' },
  draftNotIssued: {
    en: 'not an issued or signed declaration of conformity, not to be relied on as one',
    fr: 'pas une déclaration de conformité émise ou signée, à ne pas utiliser comme telle',
  },
  sampleShort: { en: 'sample data', fr: 'données d’exemple' },
  sampleTitle: { en: 'Sample data', fr: 'Données d’exemple' },
  sampleSite: {
    en: 'The organisation details, support dates and component list shown here come from the site’s data files, which hold sample values for now. The manufacturer’s confirmed information replaces them before any declaration of conformity is issued.',
    fr: 'Les coordonnées de l’organisation, les dates d’assistance et la liste des composants affichées ici proviennent des fichiers de données du site, qui contiennent pour l’instant des valeurs d’exemple. Les informations confirmées du fabricant les remplacent avant l’émission de toute déclaration de conformité.',
  },
  status: { en: 'Status', fr: 'Statut' },
  download: { en: 'Downloads', fr: 'Téléchargements' },
  pdfNote: {
    en: 'The PDF is an archivable PDF/A-3 file; the JSON version of the same declaration is attached inside it.',
    fr: 'Le PDF est un fichier archivable PDF/A-3 ; la version JSON de la même déclaration y est jointe.',
  },
  verify: {
    en: 'To check a download, compare its SHA-256 digest with the value shown, for example with',
    fr: 'Pour vérifier un téléchargement, comparez son empreinte SHA-256 à la valeur affichée, par exemple avec',
  },
  otherLanguage: { en: 'This declaration in French', fr: 'Cette déclaration en anglais' },
  simplifiedOf: { en: 'Simplified version of this declaration', fr: 'Version simplifiée de cette déclaration' },
  fullOf: { en: 'Full text of the declaration', fr: 'Texte complet de la déclaration' },
  advisory: { en: 'Advisory', fr: 'Avis' },
  title: { en: 'Title', fr: 'Titre' },
  severity: { en: 'Severity (CVSS v3.1)', fr: 'Gravité (CVSS v3.1)' },
  affected: { en: 'Affected', fr: 'Versions concernées' },
  fixedIn: { en: 'Fixed in', fr: 'Corrigé dans' },
  published: { en: 'Published', fr: 'Publié le' },
  updated: { en: 'Last revised', fr: 'Dernière révision' },
  noAdvisories: { en: 'No advisory has been published.', fr: 'Aucun avis n’a été publié.' },
  csafDocument: { en: 'CSAF 2.0 document', fr: 'Document CSAF 2.0' },
  signature: { en: 'OpenPGP signature', fr: 'Signature OpenPGP' },
  component: { en: 'Component', fr: 'Composant' },
  summary: { en: 'Summary', fr: 'Résumé' },
  details: { en: 'Description', fr: 'Description' },
  remediation: { en: 'What to do', fr: 'Que faire' },
  weakness: { en: 'Weakness', fr: 'Faiblesse' },
  releaseNotes: { en: 'Release notes', fr: 'Notes de version' },
  revisions: { en: 'Revision history', fr: 'Historique des révisions' },
  machineReadable: { en: 'Machine-readable version', fr: 'Version lisible par machine' },
  sampleAdvisory: {
    en: 'This advisory is sample data that goes with the sample release notes of this site. It shows how advisories are published and describes no real vulnerability.',
    fr: 'Cet avis est une donnée d’exemple associée aux notes de version d’exemple de ce site. Il montre comment les avis sont publiés et ne décrit aucune vulnérabilité réelle.',
  },
  englishOnly: {
    en: 'The CSAF document is published in English.',
    fr: 'Le document CSAF est publié en anglais.',
  },
  securityContact: { en: 'Security contact', fr: 'Contact sécurité' },
  contactFor: {
    en: 'Send vulnerability reports to',
    fr: 'Envoyez les signalements de vulnérabilité à',
  },
  languages: { en: 'Languages accepted', fr: 'Langues acceptées' },
  securityTxtIs: {
    en: 'The same details are published in machine-readable form in',
    fr: 'Ces informations sont publiées sous forme lisible par machine dans',
  },
  validUntil: {
    en: 'which is renewed with every publication of the site; this copy is valid until',
    fr: 'renouvelé à chaque publication du site ; cet exemplaire est valable jusqu’au',
  },
  signingKey: {
    en: 'Advisories and security.txt are signed with the OpenPGP key',
    fr: 'Les avis et le fichier security.txt sont signés avec la clé OpenPGP',
  },
  csafProvider: { en: 'CSAF provider metadata', fr: 'Métadonnées du fournisseur CSAF' },
  name: { en: 'Name', fr: 'Nom' },
  size: { en: 'Size', fr: 'Taille' },
  folder: { en: 'Folder', fr: 'Dossier' },
  parent: { en: 'Parent folder', fr: 'Dossier parent' },
  // CVSS v3.1 qualitative severity ratings, by the value the CSAF documents carry.
  severities: {
    NONE: { en: 'None', fr: 'Aucune' },
    LOW: { en: 'Low', fr: 'Faible' },
    MEDIUM: { en: 'Medium', fr: 'Moyenne' },
    HIGH: { en: 'High', fr: 'Élevée' },
    CRITICAL: { en: 'Critical', fr: 'Critique' },
  } satisfies Record<Severity, unknown>,
});

// The compliance components take the colon from here too; one definition, in i18n/ui.ts.
export { colon } from '../i18n/ui.ts';

export const severityLabel = (locale: Locale, severity: Severity): string => ct(locale).severities[severity];
