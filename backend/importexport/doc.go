// Package importexport brings contacts into Fieldbook from files and writes
// them out again.
//
// Import reads CSV files (through csvimport: encoding, delimiter and header
// profile detected, columns mapped) and vCard 2.1/3.0/4.0 files (through
// vcard and contactcard), one record at a time, and stores new contacts in
// batches of BatchSize per transaction. A record that cannot be read or has
// nothing in it is skipped and listed in the Report with its reason; it never
// stops the file. A record that duplicates a contact (as the Matcher says)
// is merged into it, skipped or imported anyway, as Options.OnDuplicate says.
// An imported vCard is kept byte for byte beside the contact (store column
// contacts.card), with its inline photo stored as the contact's photo.
//
// Export writes CSV with Outlook's header, or vCard 3.0 / 4.0. A contact
// imported from a vCard is exported by patching its current fields into that
// card (contactcard.Patch), so X- properties, groups and unknown parameters
// survive an import → export round trip.
package importexport
