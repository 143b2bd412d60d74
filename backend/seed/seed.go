// Package seed makes realistic demo contacts: names in several scripts
// (Latin with accents, Bengali, Cyrillic, Greek, Japanese), companies, job
// titles, e-mail addresses and phone numbers in each country's format. The
// same seed always gives the same contacts.
package seed

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"fieldbook/backend/crm"
)

// culture is one naming tradition with its romanisation for e-mail
// addresses and its country's phone format.
type culture struct {
	given, family        []name
	cities               []city
	countryCode          string
	phoneGroups          []int // digit group sizes after the country code
	domains              []string
	companySuffixes      []string
	familyFirstInDisplay bool
}

// city is a place with a postcode pattern (# is a digit) and its country.
type city struct{ name, postcode, country string }

// name is a name as written and as romanised for an e-mail address.
type name struct{ text, ascii string }

func n(text, ascii string) name { return name{text, ascii} }

// latin builds names whose e-mail form is the name itself, lower-cased, with
// accents folded.
func latin(ss ...string) []name {
	out := make([]name, len(ss))
	for i, s := range ss {
		out[i] = name{s, fold(s)}
	}
	return out
}

// germanFold spells umlauts the way German e-mail addresses do.
var germanFold = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue")

// fold makes the ASCII form of a Latin name for an e-mail address: German
// umlauts spelt out, other accents dropped (É → e, ñ → n).
func fold(s string) string {
	s = germanFold.Replace(s)
	s, _, _ = transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	return strings.ToLower(s)
}

func cultures() []culture {
	return []culture{
		{given: latin("James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Susan", "Olivia", "Noah", "Emma", "Liam"),
			family: latin("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Clark", "Lewis", "Walker"),
			cities: []city{{"Springfield", "#####", "USA"}, {"Portland", "97###", "USA"}, {"Austin", "787##", "USA"}}, countryCode: "1", phoneGroups: []int{3, 3, 4}, domains: []string{"example.com", "acme.test", "northwind.test"}, companySuffixes: []string{"Inc.", "LLC", "Corp."}},
		{given: latin("Jürgen", "Käthe", "Lukas", "Sophie", "Maximilian", "Lena", "Jörg", "Anja", "Günther", "Hannah"),
			family: latin("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schäfer", "Köhler", "Groß"),
			cities: []city{{"München", "80###", "Deutschland"}, {"Köln", "50###", "Deutschland"}, {"Düsseldorf", "40###", "Deutschland"}}, countryCode: "49", phoneGroups: []int{3, 7}, domains: []string{"beispiel.de", "firma.test"}, companySuffixes: []string{"GmbH", "AG", "KG"}},
		{given: latin("José", "María", "Lucía", "Javier", "Sofía", "Álvaro", "Inés", "Martín"),
			family: latin("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez"),
			cities: []city{{"Málaga", "29###", "España"}, {"Sevilla", "41###", "España"}}, countryCode: "34", phoneGroups: []int{3, 3, 3}, domains: []string{"ejemplo.es", "empresa.test"}, companySuffixes: []string{"S.A.", "S.L."}},
		{given: latin("Élodie", "François", "Chloé", "Hélène", "Théo", "Léa", "Benoît"),
			family: latin("Dubois", "Lefèvre", "Moreau", "Girard", "Bonnet", "Durand", "Rousseau"),
			cities: []city{{"Lyon", "69###", "France"}, {"Nîmes", "30###", "France"}}, countryCode: "33", phoneGroups: []int{1, 2, 2, 2, 2}, domains: []string{"exemple.fr"}, companySuffixes: []string{"SARL", "SAS"}},
		{given: []name{n("রহিম", "rahim"), n("করিম", "karim"), n("ফাতেমা", "fatema"), n("আয়েশা", "ayesha"), n("সুমন", "suman"), n("তানিয়া", "tania"), n("অনিক", "anik"), n("নুসরাত", "nusrat"), n("রবীন্দ্র", "rabindra"), n("শর্মিলা", "sharmila")},
			family: []name{n("আহমেদ", "ahmed"), n("রহমান", "rahman"), n("চৌধুরী", "chowdhury"), n("হোসেন", "hossain"), n("ইসলাম", "islam"), n("সরকার", "sarkar"), n("বন্দ্যোপাধ্যায়", "banerjee"), n("দাস", "das")},
			cities: []city{{"ঢাকা", "12##", "বাংলাদেশ"}, {"চট্টগ্রাম", "4###", "বাংলাদেশ"}}, countryCode: "880", phoneGroups: []int{4, 6}, domains: []string{"udaharan.com.bd", "banijjo.test"}, companySuffixes: []string{"লিমিটেড", "ট্রেডার্স"}},
		{given: []name{n("Александр", "aleksandr"), n("Мария", "maria"), n("Дмитрий", "dmitry"), n("Анна", "anna"), n("Сергей", "sergey"), n("Елена", "elena"), n("Ольга", "olga")},
			family: []name{n("Иванов", "ivanov"), n("Смирнов", "smirnov"), n("Кузнецов", "kuznetsov"), n("Попов", "popov"), n("Соколов", "sokolov"), n("Лебедев", "lebedev")},
			cities: []city{{"Москва", "1#####", "Россия"}, {"Казань", "420###", "Россия"}}, countryCode: "7", phoneGroups: []int{3, 3, 2, 2}, domains: []string{"primer.ru.test"}, companySuffixes: []string{"ООО", "АО"}},
		{given: []name{n("Γιώργος", "giorgos"), n("Μαρία", "maria"), n("Νίκος", "nikos"), n("Ελένη", "eleni"), n("Κώστας", "kostas")},
			family: []name{n("Παπαδόπουλος", "papadopoulos"), n("Οικονόμου", "oikonomou"), n("Γεωργίου", "georgiou"), n("Νικολάου", "nikolaou")},
			cities: []city{{"Αθήνα", "1## ##", "Ελλάδα"}, {"Θεσσαλονίκη", "5## ##", "Ελλάδα"}}, countryCode: "30", phoneGroups: []int{3, 3, 4}, domains: []string{"paradeigma.gr.test"}, companySuffixes: []string{"Α.Ε.", "Ε.Π.Ε."}},
		{given: []name{n("太郎", "taro"), n("花子", "hanako"), n("健", "ken"), n("由美", "yumi"), n("翔", "sho"), n("さくら", "sakura")},
			family: []name{n("佐藤", "sato"), n("鈴木", "suzuki"), n("高橋", "takahashi"), n("田中", "tanaka"), n("渡辺", "watanabe"), n("伊藤", "ito")},
			cities: []city{{"東京都", "1##-####", "日本"}, {"大阪市", "5##-####", "日本"}}, countryCode: "81", phoneGroups: []int{2, 4, 4}, domains: []string{"rei.co.jp.test"}, companySuffixes: []string{"株式会社"}, familyFirstInDisplay: true},
	}
}

var (
	companyStems  = []string{"Northwind", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Acme", "Tailspin", "Litware", "Adatum", "Proseware", "Woodgrove", "Lucerne", "Margie's", "Blue Yonder", "Alpine", "Coho", "Wingtip"}
	companyTrades = []string{"Traders", "Logistics", "Foods", "Textiles", "Pharma", "Motors", "Software", "Builders", "Agro", "Electronics", "Retail", "Shipping"}
	titles        = []string{"Purchasing Manager", "CEO", "Head of Sales", "Procurement Officer", "Owner", "Store Manager", "Operations Director", "Buyer", "CFO", "Office Manager", "Account Executive", "Chief Engineer"}
	streets       = []string{"Main Street", "Hauptstraße", "Calle Mayor", "Rue de la Paix", "Station Road", "Market Square"}
	tagPool       = []string{"customer", "prospect", "vip", "supplier", "partner", "trade-fair-2026", "newsletter", "key-account", "reseller", "inactive"}
	emailLabels   = []string{"work", "work", "work", "home", "other"}
	phoneLabels   = []string{"mobile", "mobile", "work", "work", "home"}
	notes         = []string{"", "", "", "Prefers calls before noon.", "Met at the trade fair; interested in bulk pricing.", "Orders every quarter. Ask about the new catalogue.", "Birthday lunch in March.\nLikes green tea.", "Decision maker for the northern region."}
)

// Generator makes demo contacts from a fixed seed.
type Generator struct {
	rng      *rand.Rand
	cultures []culture
}

// NewGenerator returns a Generator whose output depends only on seed.
func NewGenerator(seed uint64) *Generator {
	return &Generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), cultures: cultures()}
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// Contact returns the next demo contact's fields.
func (g *Generator) Contact() crm.ContactFields {
	r := g.rng
	cu := g.cultures[r.IntN(len(g.cultures))]
	given, family := pick(r, cu.given), pick(r, cu.family)
	company := fmt.Sprintf("%s %s %s", pick(r, companyStems), pick(r, companyTrades), pick(r, cu.companySuffixes))
	f := crm.ContactFields{
		GivenName:  given.text,
		FamilyName: family.text,
		Company:    company,
		Title:      pick(r, titles),
		Notes:      pick(r, notes),
	}
	if r.IntN(10) == 0 {
		f.MiddleName = pick(r, cu.given).text
	}
	domain := pick(r, cu.domains)
	nEmails := 1 + r.IntN(2)
	for i := range nEmails {
		local := given.ascii + "." + family.ascii
		if i > 0 {
			local = given.ascii[:1] + family.ascii
		}
		f.Emails = append(f.Emails, crm.LabeledValue{Label: emailLabels[r.IntN(len(emailLabels))],
			Value: fmt.Sprintf("%s%d@%s", local, r.IntN(1000), domain)})
	}
	nPhones := r.IntN(3)
	for range nPhones {
		f.Phones = append(f.Phones, crm.LabeledValue{Label: pick(r, phoneLabels), Value: g.phone(cu)})
	}
	if r.IntN(3) == 0 {
		c := pick(r, cu.cities)
		f.Addresses = append(f.Addresses, crm.Address{Label: "work",
			Street: fmt.Sprintf("%s %d", pick(r, streets), 1+r.IntN(120)), City: c.name, Postcode: g.digits(c.postcode), Country: c.country})
	}
	if r.IntN(5) == 0 {
		m, d := 1+r.IntN(12), 1+r.IntN(28)
		if r.IntN(3) == 0 {
			f.Birthday = fmt.Sprintf("--%02d-%02d", m, d) // year unknown
		} else {
			f.Birthday = fmt.Sprintf("%04d-%02d-%02d", 1950+r.IntN(50), m, d)
		}
	}
	if r.IntN(8) == 0 {
		f.URLs = append(f.URLs, crm.LabeledValue{Label: "work", Value: "https://www." + domain})
	}
	nTags := r.IntN(3)
	for range nTags {
		t := pick(r, tagPool)
		if !contains(f.Tags, t) {
			f.Tags = append(f.Tags, t)
		}
	}
	return f
}

// digits fills each # of pattern with a random digit.
func (g *Generator) digits(pattern string) string {
	b := []byte(pattern)
	for i, c := range b {
		if c == '#' {
			b[i] = byte('0' + g.rng.IntN(10))
		}
	}
	return string(b)
}

func (g *Generator) phone(cu culture) string {
	var b strings.Builder
	b.WriteString("+")
	b.WriteString(cu.countryCode)
	for _, size := range cu.phoneGroups {
		b.WriteByte(' ')
		for i := range size {
			d := g.rng.IntN(10)
			if i == 0 && d == 0 {
				d = 1 + g.rng.IntN(9)
			}
			b.WriteByte(byte('0' + d))
		}
	}
	return b.String()
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
