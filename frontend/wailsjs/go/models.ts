export namespace app {
	
	export class Address {
	    label: string;
	    street: string;
	    city: string;
	    region: string;
	    postcode: string;
	    country: string;
	
	    static createFrom(source: any = {}) {
	        return new Address(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.street = source["street"];
	        this.city = source["city"];
	        this.region = source["region"];
	        this.postcode = source["postcode"];
	        this.country = source["country"];
	    }
	}
	export class LabeledValue {
	    label: string;
	    value: string;
	
	    static createFrom(source: any = {}) {
	        return new LabeledValue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.value = source["value"];
	    }
	}
	export class Contact {
	    id: string;
	    version: number;
	    displayName: string;
	    prefix: string;
	    givenName: string;
	    middleName: string;
	    familyName: string;
	    suffix: string;
	    nickname: string;
	    company: string;
	    department: string;
	    title: string;
	    notes: string;
	    profile: string;
	    emails: LabeledValue[];
	    phones: LabeledValue[];
	    urls: LabeledValue[];
	    addresses: Address[];
	    birthday: string;
	    anniversary: string;
	    tags: string[];
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Contact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.displayName = source["displayName"];
	        this.prefix = source["prefix"];
	        this.givenName = source["givenName"];
	        this.middleName = source["middleName"];
	        this.familyName = source["familyName"];
	        this.suffix = source["suffix"];
	        this.nickname = source["nickname"];
	        this.company = source["company"];
	        this.department = source["department"];
	        this.title = source["title"];
	        this.notes = source["notes"];
	        this.profile = source["profile"];
	        this.emails = this.convertValues(source["emails"], LabeledValue);
	        this.phones = this.convertValues(source["phones"], LabeledValue);
	        this.urls = this.convertValues(source["urls"], LabeledValue);
	        this.addresses = this.convertValues(source["addresses"], Address);
	        this.birthday = source["birthday"];
	        this.anniversary = source["anniversary"];
	        this.tags = source["tags"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ContactInput {
	    prefix: string;
	    givenName: string;
	    middleName: string;
	    familyName: string;
	    suffix: string;
	    nickname: string;
	    company: string;
	    department: string;
	    title: string;
	    notes: string;
	    profile: string;
	    emails: LabeledValue[];
	    phones: LabeledValue[];
	    urls: LabeledValue[];
	    addresses: Address[];
	    birthday: string;
	    anniversary: string;
	    tags: string[];
	
	    static createFrom(source: any = {}) {
	        return new ContactInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.prefix = source["prefix"];
	        this.givenName = source["givenName"];
	        this.middleName = source["middleName"];
	        this.familyName = source["familyName"];
	        this.suffix = source["suffix"];
	        this.nickname = source["nickname"];
	        this.company = source["company"];
	        this.department = source["department"];
	        this.title = source["title"];
	        this.notes = source["notes"];
	        this.profile = source["profile"];
	        this.emails = this.convertValues(source["emails"], LabeledValue);
	        this.phones = this.convertValues(source["phones"], LabeledValue);
	        this.urls = this.convertValues(source["urls"], LabeledValue);
	        this.addresses = this.convertValues(source["addresses"], Address);
	        this.birthday = source["birthday"];
	        this.anniversary = source["anniversary"];
	        this.tags = source["tags"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ContactSummary {
	    id: string;
	    displayName: string;
	    company: string;
	    title: string;
	    email: string;
	    phone: string;
	    tags: string[];
	
	    static createFrom(source: any = {}) {
	        return new ContactSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.displayName = source["displayName"];
	        this.company = source["company"];
	        this.title = source["title"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.tags = source["tags"];
	    }
	}
	export class ContactPage {
	    items: ContactSummary[];
	    total: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new ContactPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], ContactSummary);
	        this.total = source["total"];
	        this.offset = source["offset"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class ListContactsRequest {
	    query: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new ListContactsRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class Settings {
	    language: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.language = source["language"];
	    }
	}
	export class Status {
	    version: string;
	    databasePath: string;
	    contacts: number;
	    pendingChanges: number;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.databasePath = source["databasePath"];
	        this.contacts = source["contacts"];
	        this.pendingChanges = source["pendingChanges"];
	    }
	}

}

