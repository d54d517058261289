import type { DirectoryEntry, Locale } from '@enlace/shared';
import {
  CategoriesProperty,
  EmailProperty,
  FNProperty,
  LangProperty,
  LanguageTagType,
  NoteProperty,
  OrgProperty,
  ParameterValueType,
  SpecialValueType,
  TelProperty,
  TextListType,
  TextType,
  TitleProperty,
  TypeParameter,
  TzProperty,
  UIDProperty,
  URIType,
  VCARD,
} from 'vcard4';
import { t } from '../../platform/i18n';

/** A phone number as a tel: URI (RFC 3966): digits, a leading +, dashes for the spaces. */
function telUri(value: string): string | null {
  const cleaned = value
    .trim()
    .replace(/[\s().]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return /^\+?[0-9][0-9-]*$/.test(cleaned) ? `tel:${cleaned}` : null;
}

/**
 * The directory as vCard 4 (RFC 6350), one card per entry, written by the vcard4 library (which
 * escapes and folds): name, function, agency, channels (phones as tel: URIs, e-mails), languages,
 * time zone, areas as categories, availability and messaging as a note, the entry's id as UID.
 */
export function directoryVcards(entries: readonly DirectoryEntry[], locale: Locale): string {
  return entries
    .map((e) => {
      const props = [
        new FNProperty([], new TextType(e.name)),
        new UIDProperty([], new URIType(`urn:uuid:${e.id}`)),
        new TitleProperty([], new TextType(e.function)),
      ];
      if (e.agencyName)
        props.push(new OrgProperty([], new SpecialValueType('OrgProperty', [new TextType(e.agencyName)])));
      const notes: string[] = [];
      for (const c of e.channels) {
        if (c.kind === 'secure_email' || c.kind === 'email') {
          props.push(new EmailProperty([], new TextType(c.value)));
        } else if (c.kind === 'work_phone' || c.kind === 'mobile_phone') {
          const uri = telUri(c.value);
          const types = c.kind === 'work_phone' ? ['work', 'voice'] : ['cell'];
          if (uri)
            props.push(
              new TelProperty(
                [
                  new TypeParameter(
                    'TelProperty',
                    types.map((x) => new ParameterValueType(x)),
                  ),
                ],
                new URIType(uri),
              ),
            );
          else notes.push(`${t(locale, `directory.channels.${c.kind}`)}: ${c.value}`);
        } else notes.push(`${t(locale, `directory.channels.${c.kind}`)}: ${c.value}`);
      }
      for (const l of e.languages) props.push(new LangProperty([], new LanguageTagType(l)));
      props.push(new TzProperty([], new TextType(e.timeZone)));
      props.push(
        new CategoriesProperty(
          [],
          new TextListType(e.areas.map((a) => new TextType(t(locale, `directory.areas.${a}`)))),
        ),
      );
      if (e.available247) notes.push('24/7');
      if (e.availability) notes.push(e.availability);
      notes.push(`${t(locale, 'directory.csv.country')}: ${e.countryCode}`);
      props.push(new NoteProperty([], new TextType(notes.join(' — '))));
      return new VCARD(props).repr();
    })
    .join('');
}
