export namespace app {
	
	export class CalendarCollection {
	    id: string;
	    href: string;
	    name: string;
	    description: string;
	    color: string;
	    events: boolean;
	    tasks: boolean;
	    enabled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CalendarCollection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.href = source["href"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.color = source["color"];
	        this.events = source["events"];
	        this.tasks = source["tasks"];
	        this.enabled = source["enabled"];
	    }
	}
	export class AddressBook {
	    id: string;
	    href: string;
	    name: string;
	    description: string;
	    enabled: boolean;
	    isDefault: boolean;
	
	    static createFrom(source: any = {}) {
	        return new AddressBook(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.href = source["href"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.enabled = source["enabled"];
	        this.isDefault = source["isDefault"];
	    }
	}
	export class Account {
	    id: string;
	    name: string;
	    url: string;
	    username: string;
	    certFingerprint: string;
	    lastSyncAt: string;
	    lastError: string;
	    addressBooks: AddressBook[];
	    calendars: CalendarCollection[];
	
	    static createFrom(source: any = {}) {
	        return new Account(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.url = source["url"];
	        this.username = source["username"];
	        this.certFingerprint = source["certFingerprint"];
	        this.lastSyncAt = source["lastSyncAt"];
	        this.lastError = source["lastError"];
	        this.addressBooks = this.convertValues(source["addressBooks"], AddressBook);
	        this.calendars = this.convertValues(source["calendars"], CalendarCollection);
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
	export class AccountInput {
	    name: string;
	    url: string;
	    username: string;
	    password: string;
	    certFingerprint: string;
	
	    static createFrom(source: any = {}) {
	        return new AccountInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.url = source["url"];
	        this.username = source["username"];
	        this.password = source["password"];
	        this.certFingerprint = source["certFingerprint"];
	    }
	}
	export class ActiveReminderDTO {
	    id: string;
	    kind: string;
	    itemId: string;
	    recurrenceId: string;
	    title: string;
	    start: string;
	    at: string;
	    location: string;
	
	    static createFrom(source: any = {}) {
	        return new ActiveReminderDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.itemId = source["itemId"];
	        this.recurrenceId = source["recurrenceId"];
	        this.title = source["title"];
	        this.start = source["start"];
	        this.at = source["at"];
	        this.location = source["location"];
	    }
	}
	export class EmailMetaDTO {
	    from: string;
	    to: string[];
	    cc: string[];
	    messageId: string;
	    date: string;
	
	    static createFrom(source: any = {}) {
	        return new EmailMetaDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.cc = source["cc"];
	        this.messageId = source["messageId"];
	        this.date = source["date"];
	    }
	}
	export class Activity {
	    id: string;
	    version: number;
	    kind: string;
	    occurredAt: string;
	    durationMinutes: number;
	    outcome: string;
	    subject: string;
	    body: string;
	    contactId: string;
	    companyId: string;
	    leadId: string;
	    dealId: string;
	    ownerId: string;
	    contactName: string;
	    companyName: string;
	    email?: EmailMetaDTO;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Activity(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.kind = source["kind"];
	        this.occurredAt = source["occurredAt"];
	        this.durationMinutes = source["durationMinutes"];
	        this.outcome = source["outcome"];
	        this.subject = source["subject"];
	        this.body = source["body"];
	        this.contactId = source["contactId"];
	        this.companyId = source["companyId"];
	        this.leadId = source["leadId"];
	        this.dealId = source["dealId"];
	        this.ownerId = source["ownerId"];
	        this.contactName = source["contactName"];
	        this.companyName = source["companyName"];
	        this.email = this.convertValues(source["email"], EmailMetaDTO);
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
	export class ActivityInput {
	    kind: string;
	    occurredAt: string;
	    durationMinutes: number;
	    outcome: string;
	    subject: string;
	    body: string;
	    contactId: string;
	    companyId: string;
	    leadId: string;
	    dealId: string;
	    ownerId: string;
	
	    static createFrom(source: any = {}) {
	        return new ActivityInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.occurredAt = source["occurredAt"];
	        this.durationMinutes = source["durationMinutes"];
	        this.outcome = source["outcome"];
	        this.subject = source["subject"];
	        this.body = source["body"];
	        this.contactId = source["contactId"];
	        this.companyId = source["companyId"];
	        this.leadId = source["leadId"];
	        this.dealId = source["dealId"];
	        this.ownerId = source["ownerId"];
	    }
	}
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
	
	export class AttendeeDTO {
	    email: string;
	    name: string;
	    role: string;
	    status: string;
	    contactId: string;
	
	    static createFrom(source: any = {}) {
	        return new AttendeeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.email = source["email"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.status = source["status"];
	        this.contactId = source["contactId"];
	    }
	}
	export class ClosedSummary {
	    count: number;
	    total: Money;
	    missingRates: string[];
	
	    static createFrom(source: any = {}) {
	        return new ClosedSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = source["count"];
	        this.total = this.convertValues(source["total"], Money);
	        this.missingRates = source["missingRates"];
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
	export class DealContact {
	    id: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new DealContact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	    }
	}
	export class Money {
	    minor: number;
	    currency: string;
	    text: string;
	    decimal: string;
	
	    static createFrom(source: any = {}) {
	        return new Money(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.minor = source["minor"];
	        this.currency = source["currency"];
	        this.text = source["text"];
	        this.decimal = source["decimal"];
	    }
	}
	export class Deal {
	    id: string;
	    version: number;
	    title: string;
	    pipelineId: string;
	    stageId: string;
	    stageName: string;
	    status: string;
	    amount: Money;
	    amountHome?: Money;
	    probability: number;
	    probabilityOverride?: number;
	    weighted?: Money;
	    expectedClose: string;
	    ownerId: string;
	    ownerName: string;
	    companyId: string;
	    companyName: string;
	    leadId: string;
	    contactIds: string[];
	    contacts: DealContact[];
	    closeReason: string;
	    notes: string;
	    createdAt: string;
	    updatedAt: string;
	    closedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Deal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.title = source["title"];
	        this.pipelineId = source["pipelineId"];
	        this.stageId = source["stageId"];
	        this.stageName = source["stageName"];
	        this.status = source["status"];
	        this.amount = this.convertValues(source["amount"], Money);
	        this.amountHome = this.convertValues(source["amountHome"], Money);
	        this.probability = source["probability"];
	        this.probabilityOverride = source["probabilityOverride"];
	        this.weighted = this.convertValues(source["weighted"], Money);
	        this.expectedClose = source["expectedClose"];
	        this.ownerId = source["ownerId"];
	        this.ownerName = source["ownerName"];
	        this.companyId = source["companyId"];
	        this.companyName = source["companyName"];
	        this.leadId = source["leadId"];
	        this.contactIds = source["contactIds"];
	        this.contacts = this.convertValues(source["contacts"], DealContact);
	        this.closeReason = source["closeReason"];
	        this.notes = source["notes"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.closedAt = source["closedAt"];
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
	export class StageColumn {
	    stage: Stage;
	    deals: Deal[];
	    count: number;
	    total: Money;
	    weighted: Money;
	    missingRates: string[];
	
	    static createFrom(source: any = {}) {
	        return new StageColumn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stage = this.convertValues(source["stage"], Stage);
	        this.deals = this.convertValues(source["deals"], Deal);
	        this.count = source["count"];
	        this.total = this.convertValues(source["total"], Money);
	        this.weighted = this.convertValues(source["weighted"], Money);
	        this.missingRates = source["missingRates"];
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
	export class Stage {
	    id: string;
	    pipelineId: string;
	    name: string;
	    position: number;
	    probability: number;
	
	    static createFrom(source: any = {}) {
	        return new Stage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.pipelineId = source["pipelineId"];
	        this.name = source["name"];
	        this.position = source["position"];
	        this.probability = source["probability"];
	    }
	}
	export class Pipeline {
	    id: string;
	    name: string;
	    position: number;
	    stages: Stage[];
	
	    static createFrom(source: any = {}) {
	        return new Pipeline(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.position = source["position"];
	        this.stages = this.convertValues(source["stages"], Stage);
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
	export class Board {
	    pipeline: Pipeline;
	    columns: StageColumn[];
	    won: ClosedSummary;
	    lost: ClosedSummary;
	    homeCurrency: string;
	    closedFrom: string;
	    closedTo: string;
	
	    static createFrom(source: any = {}) {
	        return new Board(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pipeline = this.convertValues(source["pipeline"], Pipeline);
	        this.columns = this.convertValues(source["columns"], StageColumn);
	        this.won = this.convertValues(source["won"], ClosedSummary);
	        this.lost = this.convertValues(source["lost"], ClosedSummary);
	        this.homeCurrency = source["homeCurrency"];
	        this.closedFrom = source["closedFrom"];
	        this.closedTo = source["closedTo"];
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
	export class BoardQuery {
	    pipelineId: string;
	    ownerId: string;
	    query: string;
	    limitPerStage: number;
	    closedFrom: string;
	    closedTo: string;
	
	    static createFrom(source: any = {}) {
	        return new BoardQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pipelineId = source["pipelineId"];
	        this.ownerId = source["ownerId"];
	        this.query = source["query"];
	        this.limitPerStage = source["limitPerStage"];
	        this.closedFrom = source["closedFrom"];
	        this.closedTo = source["closedTo"];
	    }
	}
	export class CSATDTO {
	    responses: number;
	    satisfied: number;
	    share: number;
	    mean: string;
	
	    static createFrom(source: any = {}) {
	        return new CSATDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.responses = source["responses"];
	        this.satisfied = source["satisfied"];
	        this.share = source["share"];
	        this.mean = source["mean"];
	    }
	}
	
	export class CalendarDTO {
	    id: string;
	    name: string;
	    color: string;
	    isDefault: boolean;
	    collectionId: string;
	    accountName: string;
	
	    static createFrom(source: any = {}) {
	        return new CalendarDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.color = source["color"];
	        this.isDefault = source["isDefault"];
	        this.collectionId = source["collectionId"];
	        this.accountName = source["accountName"];
	    }
	}
	export class CalendarInput {
	    name: string;
	    color: string;
	
	    static createFrom(source: any = {}) {
	        return new CalendarInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.color = source["color"];
	    }
	}
	export class CampaignStats {
	    targeted: number;
	    responded: number;
	    responseRate?: number;
	    deals: number;
	    won: number;
	    revenue: Money;
	    cost?: Money;
	    roi?: number;
	    missingRates: string[];
	    homeCurrency: string;
	
	    static createFrom(source: any = {}) {
	        return new CampaignStats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.targeted = source["targeted"];
	        this.responded = source["responded"];
	        this.responseRate = source["responseRate"];
	        this.deals = source["deals"];
	        this.won = source["won"];
	        this.revenue = this.convertValues(source["revenue"], Money);
	        this.cost = this.convertValues(source["cost"], Money);
	        this.roi = source["roi"];
	        this.missingRates = source["missingRates"];
	        this.homeCurrency = source["homeCurrency"];
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
	export class Campaign {
	    id: string;
	    version: number;
	    name: string;
	    channel: string;
	    cost: Money;
	    startsOn: string;
	    endsOn: string;
	    filterId: string;
	    ownerId: string;
	    notes: string;
	    createdAt: string;
	    updatedAt: string;
	    stats: CampaignStats;
	
	    static createFrom(source: any = {}) {
	        return new Campaign(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.name = source["name"];
	        this.channel = source["channel"];
	        this.cost = this.convertValues(source["cost"], Money);
	        this.startsOn = source["startsOn"];
	        this.endsOn = source["endsOn"];
	        this.filterId = source["filterId"];
	        this.ownerId = source["ownerId"];
	        this.notes = source["notes"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.stats = this.convertValues(source["stats"], CampaignStats);
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
	export class CampaignContact {
	    contactId: string;
	    name: string;
	    email: string;
	    addedAt: string;
	    respondedAt: string;
	    response: string;
	
	    static createFrom(source: any = {}) {
	        return new CampaignContact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.contactId = source["contactId"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.addedAt = source["addedAt"];
	        this.respondedAt = source["respondedAt"];
	        this.response = source["response"];
	    }
	}
	export class CampaignContactPage {
	    items: CampaignContact[];
	    total: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new CampaignContactPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], CampaignContact);
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
	export class CampaignDeal {
	    id: string;
	    title: string;
	    status: string;
	    stageName: string;
	    amount: Money;
	    closedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new CampaignDeal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.status = source["status"];
	        this.stageName = source["stageName"];
	        this.amount = this.convertValues(source["amount"], Money);
	        this.closedAt = source["closedAt"];
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
	export class CampaignInput {
	    name: string;
	    channel: string;
	    cost: string;
	    currency: string;
	    startsOn: string;
	    endsOn: string;
	    filterId: string;
	    ownerId: string;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new CampaignInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.channel = source["channel"];
	        this.cost = source["cost"];
	        this.currency = source["currency"];
	        this.startsOn = source["startsOn"];
	        this.endsOn = source["endsOn"];
	        this.filterId = source["filterId"];
	        this.ownerId = source["ownerId"];
	        this.notes = source["notes"];
	    }
	}
	
	export class CaseDTO {
	    id: string;
	    number: string;
	    version: number;
	    subject: string;
	    description: string;
	    contactId: string;
	    contactName: string;
	    companyId: string;
	    companyName: string;
	    priority: string;
	    status: string;
	    ownerId: string;
	    openedAt: string;
	    resolvedAt: string;
	    resolutionMinutes: number;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new CaseDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.version = source["version"];
	        this.subject = source["subject"];
	        this.description = source["description"];
	        this.contactId = source["contactId"];
	        this.contactName = source["contactName"];
	        this.companyId = source["companyId"];
	        this.companyName = source["companyName"];
	        this.priority = source["priority"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	        this.openedAt = source["openedAt"];
	        this.resolvedAt = source["resolvedAt"];
	        this.resolutionMinutes = source["resolutionMinutes"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class CaseInput {
	    subject: string;
	    description: string;
	    contactId: string;
	    companyId: string;
	    priority: string;
	    status: string;
	    ownerId: string;
	    openedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new CaseInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subject = source["subject"];
	        this.description = source["description"];
	        this.contactId = source["contactId"];
	        this.companyId = source["companyId"];
	        this.priority = source["priority"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	        this.openedAt = source["openedAt"];
	    }
	}
	export class CasePage {
	    items: CaseDTO[];
	    total: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new CasePage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], CaseDTO);
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
	export class CaseQuery {
	    statuses: string[];
	    priorities: string[];
	    ownerId: string;
	    contactId: string;
	    companyId: string;
	    text: string;
	    sort: string;
	    desc: boolean;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new CaseQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.statuses = source["statuses"];
	        this.priorities = source["priorities"];
	        this.ownerId = source["ownerId"];
	        this.contactId = source["contactId"];
	        this.companyId = source["companyId"];
	        this.text = source["text"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class PriorityCountDTO {
	    priority: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new PriorityCountDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.priority = source["priority"];
	        this.count = source["count"];
	    }
	}
	export class CaseStats {
	    resolved: number;
	    meanHours: number;
	    medianHours: number;
	    open: number;
	    pending: number;
	    backlog: PriorityCountDTO[];
	
	    static createFrom(source: any = {}) {
	        return new CaseStats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.resolved = source["resolved"];
	        this.meanHours = source["meanHours"];
	        this.medianHours = source["medianHours"];
	        this.open = source["open"];
	        this.pending = source["pending"];
	        this.backlog = this.convertValues(source["backlog"], PriorityCountDTO);
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
	export class Certificate {
	    fingerprint: string;
	    subject: string;
	    issuer: string;
	    dnsNames: string[];
	    notBefore: string;
	    notAfter: string;
	    selfSigned: boolean;
	    problem: string;
	
	    static createFrom(source: any = {}) {
	        return new Certificate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fingerprint = source["fingerprint"];
	        this.subject = source["subject"];
	        this.issuer = source["issuer"];
	        this.dnsNames = source["dnsNames"];
	        this.notBefore = source["notBefore"];
	        this.notAfter = source["notAfter"];
	        this.selfSigned = source["selfSigned"];
	        this.problem = source["problem"];
	    }
	}
	
	export class ColumnChoice {
	    index: number;
	    target: string;
	
	    static createFrom(source: any = {}) {
	        return new ColumnChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.index = source["index"];
	        this.target = source["target"];
	    }
	}
	export class Company {
	    id: string;
	    version: number;
	    name: string;
	    industry: string;
	    website: string;
	    size: string;
	    phone: string;
	    address: Address;
	    notes: string;
	    people: number;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Company(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.name = source["name"];
	        this.industry = source["industry"];
	        this.website = source["website"];
	        this.size = source["size"];
	        this.phone = source["phone"];
	        this.address = this.convertValues(source["address"], Address);
	        this.notes = source["notes"];
	        this.people = source["people"];
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
	export class CompanyInput {
	    name: string;
	    industry: string;
	    website: string;
	    size: string;
	    phone: string;
	    address: Address;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new CompanyInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.industry = source["industry"];
	        this.website = source["website"];
	        this.size = source["size"];
	        this.phone = source["phone"];
	        this.address = this.convertValues(source["address"], Address);
	        this.notes = source["notes"];
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
	export class CompanyPage {
	    items: Company[];
	    total: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new CompanyPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], Company);
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
	export class CompanyPeopleRequest {
	    companyId: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new CompanyPeopleRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.companyId = source["companyId"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class Conflict {
	    id: string;
	    contactId: string;
	    contactName: string;
	    field: string;
	    base: string;
	    mine: string;
	    theirs: string;
	    createdAt: string;
	    entity: string;
	    itemId: string;
	    title: string;
	
	    static createFrom(source: any = {}) {
	        return new Conflict(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.contactId = source["contactId"];
	        this.contactName = source["contactName"];
	        this.field = source["field"];
	        this.base = source["base"];
	        this.mine = source["mine"];
	        this.theirs = source["theirs"];
	        this.createdAt = source["createdAt"];
	        this.entity = source["entity"];
	        this.itemId = source["itemId"];
	        this.title = source["title"];
	    }
	}
	export class PhoneInfo {
	    formatted: string;
	    e164: string;
	    problem: string;
	
	    static createFrom(source: any = {}) {
	        return new PhoneInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.formatted = source["formatted"];
	        this.e164 = source["e164"];
	        this.problem = source["problem"];
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
	    custom: Record<string, string>;
	    companyId: string;
	    phoneInfo: PhoneInfo[];
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
	        this.custom = source["custom"];
	        this.companyId = source["companyId"];
	        this.phoneInfo = this.convertValues(source["phoneInfo"], PhoneInfo);
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
	export class ContactFilter {
	    query: string;
	    tags: string[];
	    companyId: string;
	    hasEmail: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ContactFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.tags = source["tags"];
	        this.companyId = source["companyId"];
	        this.hasEmail = source["hasEmail"];
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
	    custom: Record<string, string>;
	
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
	        this.custom = source["custom"];
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
	
	export class ConvertLeadRequest {
	    companyId: string;
	    createCompany: boolean;
	    createDeal: boolean;
	    dealTitle: string;
	    pipelineId: string;
	    stageId: string;
	    amount: string;
	    currency: string;
	    ownerId: string;
	
	    static createFrom(source: any = {}) {
	        return new ConvertLeadRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.companyId = source["companyId"];
	        this.createCompany = source["createCompany"];
	        this.createDeal = source["createDeal"];
	        this.dealTitle = source["dealTitle"];
	        this.pipelineId = source["pipelineId"];
	        this.stageId = source["stageId"];
	        this.amount = source["amount"];
	        this.currency = source["currency"];
	        this.ownerId = source["ownerId"];
	    }
	}
	export class ConvertLeadResult {
	    contactId: string;
	    companyId: string;
	    dealId: string;
	
	    static createFrom(source: any = {}) {
	        return new ConvertLeadResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.contactId = source["contactId"];
	        this.companyId = source["companyId"];
	        this.dealId = source["dealId"];
	    }
	}
	export class CurrencyInfo {
	    code: string;
	    symbol: string;
	    digits: number;
	
	    static createFrom(source: any = {}) {
	        return new CurrencyInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.symbol = source["symbol"];
	        this.digits = source["digits"];
	    }
	}
	export class CustomField {
	    id: string;
	    name: string;
	    kind: string;
	    options: string[];
	
	    static createFrom(source: any = {}) {
	        return new CustomField(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.options = source["options"];
	    }
	}
	export class CustomFieldInput {
	    name: string;
	    kind: string;
	    options: string[];
	
	    static createFrom(source: any = {}) {
	        return new CustomFieldInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.options = source["options"];
	    }
	}
	export class CustomerFrequency {
	    key: string;
	    companyId: string;
	    contactId: string;
	    name: string;
	    orders: number;
	    medianDays: number;
	    hasMedian: boolean;
	    lastOrder: string;
	    nextExpected: string;
	    status: string;
	    taskId: string;
	
	    static createFrom(source: any = {}) {
	        return new CustomerFrequency(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.companyId = source["companyId"];
	        this.contactId = source["contactId"];
	        this.name = source["name"];
	        this.orders = source["orders"];
	        this.medianDays = source["medianDays"];
	        this.hasMedian = source["hasMedian"];
	        this.lastOrder = source["lastOrder"];
	        this.nextExpected = source["nextExpected"];
	        this.status = source["status"];
	        this.taskId = source["taskId"];
	    }
	}
	export class PurchaseFrequency {
	    orders: number;
	    medianDays: number;
	    hasMedian: boolean;
	    lastOrder: string;
	    nextExpected: string;
	    status: string;
	
	    static createFrom(source: any = {}) {
	        return new PurchaseFrequency(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orders = source["orders"];
	        this.medianDays = source["medianDays"];
	        this.hasMedian = source["hasMedian"];
	        this.lastOrder = source["lastOrder"];
	        this.nextExpected = source["nextExpected"];
	        this.status = source["status"];
	    }
	}
	export class OrderLineDTO {
	    product: string;
	    quantity: number;
	    unitPrice: Money;
	    total: Money;
	
	    static createFrom(source: any = {}) {
	        return new OrderLineDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.product = source["product"];
	        this.quantity = source["quantity"];
	        this.unitPrice = this.convertValues(source["unitPrice"], Money);
	        this.total = this.convertValues(source["total"], Money);
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
	export class OrderDTO {
	    id: string;
	    version: number;
	    number: string;
	    companyId: string;
	    companyName: string;
	    contactId: string;
	    contactName: string;
	    orderDate: string;
	    currency: string;
	    lines: OrderLineDTO[];
	    total: Money;
	    paymentStatus: string;
	    state: string;
	    dueDate: string;
	    daysOverdue: number;
	    paidAt: string;
	    notes: string;
	    dealId: string;
	    deleted: boolean;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new OrderDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.number = source["number"];
	        this.companyId = source["companyId"];
	        this.companyName = source["companyName"];
	        this.contactId = source["contactId"];
	        this.contactName = source["contactName"];
	        this.orderDate = source["orderDate"];
	        this.currency = source["currency"];
	        this.lines = this.convertValues(source["lines"], OrderLineDTO);
	        this.total = this.convertValues(source["total"], Money);
	        this.paymentStatus = source["paymentStatus"];
	        this.state = source["state"];
	        this.dueDate = source["dueDate"];
	        this.daysOverdue = source["daysOverdue"];
	        this.paidAt = source["paidAt"];
	        this.notes = source["notes"];
	        this.dealId = source["dealId"];
	        this.deleted = source["deleted"];
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
	export class CustomerOrders {
	    items: OrderDTO[];
	    total: number;
	    frequency: PurchaseFrequency;
	
	    static createFrom(source: any = {}) {
	        return new CustomerOrders(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], OrderDTO);
	        this.total = source["total"];
	        this.frequency = this.convertValues(source["frequency"], PurchaseFrequency);
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
	export class ReportSeries {
	    key: string;
	    label: string;
	    unit: string;
	    values: string[];
	    texts: string[];
	
	    static createFrom(source: any = {}) {
	        return new ReportSeries(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.unit = source["unit"];
	        this.values = source["values"];
	        this.texts = source["texts"];
	    }
	}
	export class ReportChart {
	    kind: string;
	    categories: string[];
	    series: ReportSeries[];
	
	    static createFrom(source: any = {}) {
	        return new ReportChart(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.categories = source["categories"];
	        this.series = this.convertValues(source["series"], ReportSeries);
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
	export class ReportCell {
	    text: string;
	    value: string;
	    currency?: string;
	    num?: string;
	    den?: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportCell(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.value = source["value"];
	        this.currency = source["currency"];
	        this.num = source["num"];
	        this.den = source["den"];
	    }
	}
	export class ReportRow {
	    id: string;
	    cells: ReportCell[];
	
	    static createFrom(source: any = {}) {
	        return new ReportRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.cells = this.convertValues(source["cells"], ReportCell);
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
	export class ReportColumn {
	    key: string;
	    kind: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportColumn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.kind = source["kind"];
	        this.label = source["label"];
	    }
	}
	export class ReportFilters {
	    from: string;
	    to: string;
	    ownerId: string;
	    pipelineId: string;
	    period: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportFilters(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.ownerId = source["ownerId"];
	        this.pipelineId = source["pipelineId"];
	        this.period = source["period"];
	    }
	}
	export class ReportDTO {
	    name: string;
	    filters: ReportFilters;
	    home: string;
	    columns: ReportColumn[];
	    rows: ReportRow[];
	    total?: ReportRow;
	    chart: ReportChart;
	    missingRates: string[];
	    extra: Record<string, ReportCell>;
	
	    static createFrom(source: any = {}) {
	        return new ReportDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.filters = this.convertValues(source["filters"], ReportFilters);
	        this.home = source["home"];
	        this.columns = this.convertValues(source["columns"], ReportColumn);
	        this.rows = this.convertValues(source["rows"], ReportRow);
	        this.total = this.convertValues(source["total"], ReportRow);
	        this.chart = this.convertValues(source["chart"], ReportChart);
	        this.missingRates = source["missingRates"];
	        this.extra = this.convertValues(source["extra"], ReportCell, true);
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
	export class OverduePayment {
	    orderId: string;
	    number: string;
	    customerName: string;
	    companyId: string;
	    contactId: string;
	    dueDate: string;
	    daysOverdue: number;
	    amount: Money;
	
	    static createFrom(source: any = {}) {
	        return new OverduePayment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderId = source["orderId"];
	        this.number = source["number"];
	        this.customerName = source["customerName"];
	        this.companyId = source["companyId"];
	        this.contactId = source["contactId"];
	        this.dueDate = source["dueDate"];
	        this.daysOverdue = source["daysOverdue"];
	        this.amount = this.convertValues(source["amount"], Money);
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
	export class ReminderDTO {
	    minutesBefore: number;
	
	    static createFrom(source: any = {}) {
	        return new ReminderDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.minutesBefore = source["minutesBefore"];
	    }
	}
	export class TaskDTO {
	    id: string;
	    version: number;
	    calendarId: string;
	    title: string;
	    notes: string;
	    due: string;
	    start: string;
	    timeZone: string;
	    priority: number;
	    status: string;
	    percentComplete: number;
	    rrule: string;
	    reminders: ReminderDTO[];
	    categories: string[];
	    contactId: string;
	    companyId: string;
	    dealId: string;
	    dueAt: string;
	    allDay: boolean;
	    completedAt: string;
	    contactName: string;
	    companyName: string;
	    overdue: boolean;
	
	    static createFrom(source: any = {}) {
	        return new TaskDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.calendarId = source["calendarId"];
	        this.title = source["title"];
	        this.notes = source["notes"];
	        this.due = source["due"];
	        this.start = source["start"];
	        this.timeZone = source["timeZone"];
	        this.priority = source["priority"];
	        this.status = source["status"];
	        this.percentComplete = source["percentComplete"];
	        this.rrule = source["rrule"];
	        this.reminders = this.convertValues(source["reminders"], ReminderDTO);
	        this.categories = source["categories"];
	        this.contactId = source["contactId"];
	        this.companyId = source["companyId"];
	        this.dealId = source["dealId"];
	        this.dueAt = source["dueAt"];
	        this.allDay = source["allDay"];
	        this.completedAt = source["completedAt"];
	        this.contactName = source["contactName"];
	        this.companyName = source["companyName"];
	        this.overdue = source["overdue"];
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
	export class OccurrenceDTO {
	    eventId: string;
	    calendarId: string;
	    color: string;
	    title: string;
	    location: string;
	    start: string;
	    end: string;
	    allDay: boolean;
	    startLocal: string;
	    endLocal: string;
	    timeZone: string;
	    recurring: boolean;
	    recurrenceId: string;
	    busy: string;
	    private: boolean;
	    status: string;
	    attendeeCount: number;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new OccurrenceDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.eventId = source["eventId"];
	        this.calendarId = source["calendarId"];
	        this.color = source["color"];
	        this.title = source["title"];
	        this.location = source["location"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.allDay = source["allDay"];
	        this.startLocal = source["startLocal"];
	        this.endLocal = source["endLocal"];
	        this.timeZone = source["timeZone"];
	        this.recurring = source["recurring"];
	        this.recurrenceId = source["recurrenceId"];
	        this.busy = source["busy"];
	        this.private = source["private"];
	        this.status = source["status"];
	        this.attendeeCount = source["attendeeCount"];
	        this.version = source["version"];
	    }
	}
	export class DashboardDTO {
	    today: string;
	    meetings: OccurrenceDTO[];
	    tasks: TaskDTO[];
	    overdueTasks: TaskDTO[];
	    overduePayments: OverduePayment[];
	    pipeline: ReportDTO;
	    forecast: Money;
	    won: Money;
	    missingRates: string[];
	    recent: Activity[];
	
	    static createFrom(source: any = {}) {
	        return new DashboardDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.today = source["today"];
	        this.meetings = this.convertValues(source["meetings"], OccurrenceDTO);
	        this.tasks = this.convertValues(source["tasks"], TaskDTO);
	        this.overdueTasks = this.convertValues(source["overdueTasks"], TaskDTO);
	        this.overduePayments = this.convertValues(source["overduePayments"], OverduePayment);
	        this.pipeline = this.convertValues(source["pipeline"], ReportDTO);
	        this.forecast = this.convertValues(source["forecast"], Money);
	        this.won = this.convertValues(source["won"], Money);
	        this.missingRates = source["missingRates"];
	        this.recent = this.convertValues(source["recent"], Activity);
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
	export class DateRange {
	    from: string;
	    to: string;
	
	    static createFrom(source: any = {}) {
	        return new DateRange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	    }
	}
	
	
	export class DealInput {
	    title: string;
	    pipelineId: string;
	    stageId: string;
	    amount: string;
	    currency: string;
	    probability?: number;
	    expectedClose: string;
	    ownerId: string;
	    companyId: string;
	    contactIds: string[];
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new DealInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.pipelineId = source["pipelineId"];
	        this.stageId = source["stageId"];
	        this.amount = source["amount"];
	        this.currency = source["currency"];
	        this.probability = source["probability"];
	        this.expectedClose = source["expectedClose"];
	        this.ownerId = source["ownerId"];
	        this.companyId = source["companyId"];
	        this.contactIds = source["contactIds"];
	        this.notes = source["notes"];
	    }
	}
	export class DealPage {
	    items: Deal[];
	    total: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new DealPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], Deal);
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
	export class DealTableQuery {
	    pipelineId: string;
	    ownerId: string;
	    status: string;
	    query: string;
	    sort: string;
	    desc: boolean;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new DealTableQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pipelineId = source["pipelineId"];
	        this.ownerId = source["ownerId"];
	        this.status = source["status"];
	        this.query = source["query"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class Discovery {
	    url: string;
	    addressBooks: AddressBook[];
	    untrusted?: Certificate;
	    calendars: CalendarCollection[];
	
	    static createFrom(source: any = {}) {
	        return new Discovery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.url = source["url"];
	        this.addressBooks = this.convertValues(source["addressBooks"], AddressBook);
	        this.untrusted = this.convertValues(source["untrusted"], Certificate);
	        this.calendars = this.convertValues(source["calendars"], CalendarCollection);
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
	export class DuplicateSide {
	    id: string;
	    displayName: string;
	    company: string;
	    title: string;
	    email: string;
	    phone: string;
	    tags: string[];
	    createdAt: string;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new DuplicateSide(source);
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
	        this.createdAt = source["createdAt"];
	        this.version = source["version"];
	    }
	}
	export class DuplicatePair {
	    a: DuplicateSide;
	    b: DuplicateSide;
	    reasons: string[];
	    score: number;
	
	    static createFrom(source: any = {}) {
	        return new DuplicatePair(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.a = this.convertValues(source["a"], DuplicateSide);
	        this.b = this.convertValues(source["b"], DuplicateSide);
	        this.reasons = source["reasons"];
	        this.score = source["score"];
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
	export class DuplicateList {
	    pairs: DuplicatePair[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new DuplicateList(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pairs = this.convertValues(source["pairs"], DuplicatePair);
	        this.total = source["total"];
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
	
	
	
	export class OverrideDTO {
	    recurrenceId: string;
	    start: string;
	    end: string;
	    title: string;
	    location: string;
	    notes: string;
	    cancelled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new OverrideDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.recurrenceId = source["recurrenceId"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.title = source["title"];
	        this.location = source["location"];
	        this.notes = source["notes"];
	        this.cancelled = source["cancelled"];
	    }
	}
	export class EventDTO {
	    id: string;
	    version: number;
	    uid: string;
	    calendarId: string;
	    title: string;
	    location: string;
	    notes: string;
	    start: string;
	    end: string;
	    allDay: boolean;
	    timeZone: string;
	    rrule: string;
	    exDates: string[];
	    attendees: AttendeeDTO[];
	    reminders: ReminderDTO[];
	    busy: string;
	    private: boolean;
	    categories: string[];
	    status: string;
	    organizer: AttendeeDTO;
	    overrides: OverrideDTO[];
	    originalTzid: string;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new EventDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.uid = source["uid"];
	        this.calendarId = source["calendarId"];
	        this.title = source["title"];
	        this.location = source["location"];
	        this.notes = source["notes"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.allDay = source["allDay"];
	        this.timeZone = source["timeZone"];
	        this.rrule = source["rrule"];
	        this.exDates = source["exDates"];
	        this.attendees = this.convertValues(source["attendees"], AttendeeDTO);
	        this.reminders = this.convertValues(source["reminders"], ReminderDTO);
	        this.busy = source["busy"];
	        this.private = source["private"];
	        this.categories = source["categories"];
	        this.status = source["status"];
	        this.organizer = this.convertValues(source["organizer"], AttendeeDTO);
	        this.overrides = this.convertValues(source["overrides"], OverrideDTO);
	        this.originalTzid = source["originalTzid"];
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
	export class EventDelete {
	    id: string;
	    version: number;
	    scope: string;
	    recurrenceId: string;
	
	    static createFrom(source: any = {}) {
	        return new EventDelete(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.scope = source["scope"];
	        this.recurrenceId = source["recurrenceId"];
	    }
	}
	export class EventInput {
	    calendarId: string;
	    title: string;
	    location: string;
	    notes: string;
	    start: string;
	    end: string;
	    allDay: boolean;
	    timeZone: string;
	    rrule: string;
	    exDates: string[];
	    attendees: AttendeeDTO[];
	    reminders: ReminderDTO[];
	    busy: string;
	    private: boolean;
	    categories: string[];
	    status: string;
	
	    static createFrom(source: any = {}) {
	        return new EventInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.calendarId = source["calendarId"];
	        this.title = source["title"];
	        this.location = source["location"];
	        this.notes = source["notes"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.allDay = source["allDay"];
	        this.timeZone = source["timeZone"];
	        this.rrule = source["rrule"];
	        this.exDates = source["exDates"];
	        this.attendees = this.convertValues(source["attendees"], AttendeeDTO);
	        this.reminders = this.convertValues(source["reminders"], ReminderDTO);
	        this.busy = source["busy"];
	        this.private = source["private"];
	        this.categories = source["categories"];
	        this.status = source["status"];
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
	export class EventUpdate {
	    id: string;
	    version: number;
	    scope: string;
	    recurrenceId: string;
	    input: EventInput;
	
	    static createFrom(source: any = {}) {
	        return new EventUpdate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.scope = source["scope"];
	        this.recurrenceId = source["recurrenceId"];
	        this.input = this.convertValues(source["input"], EventInput);
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
	export class ExchangeRate {
	    currency: string;
	    date: string;
	    rate: string;
	
	    static createFrom(source: any = {}) {
	        return new ExchangeRate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.currency = source["currency"];
	        this.date = source["date"];
	        this.rate = source["rate"];
	    }
	}
	export class ExportRequest {
	    format: string;
	    ids: string[];
	    query: string;
	    path: string;
	    onePerContact: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ExportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.ids = source["ids"];
	        this.query = source["query"];
	        this.path = source["path"];
	        this.onePerContact = source["onePerContact"];
	    }
	}
	export class ExportResult {
	    count: number;
	    paths: string[];
	
	    static createFrom(source: any = {}) {
	        return new ExportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = source["count"];
	        this.paths = source["paths"];
	    }
	}
	export class FeedbackDTO {
	    id: string;
	    version: number;
	    contactId: string;
	    contactName: string;
	    companyId: string;
	    companyName: string;
	    kind: string;
	    score: number;
	    band: string;
	    comment: string;
	    receivedAt: string;
	    ownerId: string;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new FeedbackDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.contactId = source["contactId"];
	        this.contactName = source["contactName"];
	        this.companyId = source["companyId"];
	        this.companyName = source["companyName"];
	        this.kind = source["kind"];
	        this.score = source["score"];
	        this.band = source["band"];
	        this.comment = source["comment"];
	        this.receivedAt = source["receivedAt"];
	        this.ownerId = source["ownerId"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class FeedbackInput {
	    contactId: string;
	    kind: string;
	    score: number;
	    comment: string;
	    receivedAt: string;
	    ownerId: string;
	
	    static createFrom(source: any = {}) {
	        return new FeedbackInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.contactId = source["contactId"];
	        this.kind = source["kind"];
	        this.score = source["score"];
	        this.comment = source["comment"];
	        this.receivedAt = source["receivedAt"];
	        this.ownerId = source["ownerId"];
	    }
	}
	export class NPSDTO {
	    responses: number;
	    promoters: number;
	    passives: number;
	    detractors: number;
	    score: number;
	    num: number;
	    den: number;
	
	    static createFrom(source: any = {}) {
	        return new NPSDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.responses = source["responses"];
	        this.promoters = source["promoters"];
	        this.passives = source["passives"];
	        this.detractors = source["detractors"];
	        this.score = source["score"];
	        this.num = source["num"];
	        this.den = source["den"];
	    }
	}
	export class FeedbackMonth {
	    month: string;
	    nps: NPSDTO;
	    csat: CSATDTO;
	
	    static createFrom(source: any = {}) {
	        return new FeedbackMonth(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.nps = this.convertValues(source["nps"], NPSDTO);
	        this.csat = this.convertValues(source["csat"], CSATDTO);
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
	export class FeedbackPage {
	    items: FeedbackDTO[];
	    total: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new FeedbackPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], FeedbackDTO);
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
	export class FeedbackQuery {
	    contactId: string;
	    companyId: string;
	    kind: string;
	    from: string;
	    to: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new FeedbackQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.contactId = source["contactId"];
	        this.companyId = source["companyId"];
	        this.kind = source["kind"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class FeedbackSummary {
	    from: string;
	    to: string;
	    count: number;
	    nps: NPSDTO;
	    csat: CSATDTO;
	    months: FeedbackMonth[];
	
	    static createFrom(source: any = {}) {
	        return new FeedbackSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.count = source["count"];
	        this.nps = this.convertValues(source["nps"], NPSDTO);
	        this.csat = this.convertValues(source["csat"], CSATDTO);
	        this.months = this.convertValues(source["months"], FeedbackMonth);
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
	export class FilterPreview {
	    total: number;
	    sample: ContactSummary[];
	
	    static createFrom(source: any = {}) {
	        return new FilterPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.sample = this.convertValues(source["sample"], ContactSummary);
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
	export class FrequencyQuery {
	    query: string;
	
	    static createFrom(source: any = {}) {
	        return new FrequencyQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	    }
	}
	export class ImportCalendarItem {
	    kind: string;
	    line: number;
	    title: string;
	    start: string;
	    timeZone: string;
	    allDay: boolean;
	    recurring: boolean;
	    skip: string;
	    problems: string[];
	
	    static createFrom(source: any = {}) {
	        return new ImportCalendarItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.line = source["line"];
	        this.title = source["title"];
	        this.start = source["start"];
	        this.timeZone = source["timeZone"];
	        this.allDay = source["allDay"];
	        this.recurring = source["recurring"];
	        this.skip = source["skip"];
	        this.problems = source["problems"];
	    }
	}
	export class ImportColumn {
	    index: number;
	    header: string;
	    target: string;
	    sample: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportColumn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.index = source["index"];
	        this.header = source["header"];
	        this.target = source["target"];
	        this.sample = source["sample"];
	    }
	}
	export class ImportEntry {
	    record: number;
	    line: number;
	    name: string;
	    reason: string;
	    detail: string;
	    contactId: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.record = source["record"];
	        this.line = source["line"];
	        this.name = source["name"];
	        this.reason = source["reason"];
	        this.detail = source["detail"];
	        this.contactId = source["contactId"];
	    }
	}
	export class ImportProgress {
	    jobId: string;
	    bytesRead: number;
	    bytesTotal: number;
	    records: number;
	    imported: number;
	    merged: number;
	    skipped: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportProgress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.jobId = source["jobId"];
	        this.bytesRead = source["bytesRead"];
	        this.bytesTotal = source["bytesTotal"];
	        this.records = source["records"];
	        this.imported = source["imported"];
	        this.merged = source["merged"];
	        this.skipped = source["skipped"];
	    }
	}
	export class ImportJob {
	    id: string;
	    path: string;
	    state: string;
	    progress: ImportProgress;
	    format: string;
	    records: number;
	    imported: number;
	    merged: number;
	    skipped: number;
	    mergedEntries: ImportEntry[];
	    skippedEntries: ImportEntry[];
	    warnings: ImportEntry[];
	    warningCount: number;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportJob(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.path = source["path"];
	        this.state = source["state"];
	        this.progress = this.convertValues(source["progress"], ImportProgress);
	        this.format = source["format"];
	        this.records = source["records"];
	        this.imported = source["imported"];
	        this.merged = source["merged"];
	        this.skipped = source["skipped"];
	        this.mergedEntries = this.convertValues(source["mergedEntries"], ImportEntry);
	        this.skippedEntries = this.convertValues(source["skippedEntries"], ImportEntry);
	        this.warnings = this.convertValues(source["warnings"], ImportEntry);
	        this.warningCount = source["warningCount"];
	        this.error = source["error"];
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
	export class ImportPreviewRecord {
	    record: number;
	    line: number;
	    displayName: string;
	    fields: ContactInput;
	    skip: string;
	    problems: string[];
	
	    static createFrom(source: any = {}) {
	        return new ImportPreviewRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.record = source["record"];
	        this.line = source["line"];
	        this.displayName = source["displayName"];
	        this.fields = this.convertValues(source["fields"], ContactInput);
	        this.skip = source["skip"];
	        this.problems = source["problems"];
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
	export class ImportPreview {
	    format: string;
	    encoding: string;
	    bom: boolean;
	    delimiter: string;
	    source: string;
	    language: string;
	    columns: ImportColumn[];
	    records: ImportPreviewRecord[];
	    warnings: string[];
	    targets: string[];
	    items: ImportCalendarItem[];
	    events: number;
	    tasks: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.encoding = source["encoding"];
	        this.bom = source["bom"];
	        this.delimiter = source["delimiter"];
	        this.source = source["source"];
	        this.language = source["language"];
	        this.columns = this.convertValues(source["columns"], ImportColumn);
	        this.records = this.convertValues(source["records"], ImportPreviewRecord);
	        this.warnings = source["warnings"];
	        this.targets = source["targets"];
	        this.items = this.convertValues(source["items"], ImportCalendarItem);
	        this.events = source["events"];
	        this.tasks = source["tasks"];
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
	
	
	export class ImportRequest {
	    path: string;
	    format: string;
	    charset: string;
	    delimiter: string;
	    columns: ColumnChoice[];
	    onDuplicate: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.format = source["format"];
	        this.charset = source["charset"];
	        this.delimiter = source["delimiter"];
	        this.columns = this.convertValues(source["columns"], ColumnChoice);
	        this.onDuplicate = source["onDuplicate"];
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
	
	export class ScoreReason {
	    ruleId: string;
	    label: string;
	    points: number;
	
	    static createFrom(source: any = {}) {
	        return new ScoreReason(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ruleId = source["ruleId"];
	        this.label = source["label"];
	        this.points = source["points"];
	    }
	}
	export class Lead {
	    id: string;
	    version: number;
	    name: string;
	    email: string;
	    phone: string;
	    companyName: string;
	    title: string;
	    source: string;
	    status: string;
	    ownerId: string;
	    notes: string;
	    industry: string;
	    companySize: string;
	    country: string;
	    score: number;
	    scoreReasons: ScoreReason[];
	    convertedContactId: string;
	    convertedCompanyId: string;
	    convertedDealId: string;
	    convertedAt: string;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Lead(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.companyName = source["companyName"];
	        this.title = source["title"];
	        this.source = source["source"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	        this.notes = source["notes"];
	        this.industry = source["industry"];
	        this.companySize = source["companySize"];
	        this.country = source["country"];
	        this.score = source["score"];
	        this.scoreReasons = this.convertValues(source["scoreReasons"], ScoreReason);
	        this.convertedContactId = source["convertedContactId"];
	        this.convertedCompanyId = source["convertedCompanyId"];
	        this.convertedDealId = source["convertedDealId"];
	        this.convertedAt = source["convertedAt"];
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
	export class LeadInput {
	    name: string;
	    email: string;
	    phone: string;
	    companyName: string;
	    title: string;
	    source: string;
	    status: string;
	    ownerId: string;
	    notes: string;
	    industry: string;
	    companySize: string;
	    country: string;
	
	    static createFrom(source: any = {}) {
	        return new LeadInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.companyName = source["companyName"];
	        this.title = source["title"];
	        this.source = source["source"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	        this.notes = source["notes"];
	        this.industry = source["industry"];
	        this.companySize = source["companySize"];
	        this.country = source["country"];
	    }
	}
	export class LeadPage {
	    items: Lead[];
	    total: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new LeadPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], Lead);
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
	export class ListCompaniesRequest {
	    query: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new ListCompaniesRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
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
	export class ListLeadsRequest {
	    query: string;
	    status: string;
	    source: string;
	    ownerId: string;
	    sort: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new ListLeadsRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.status = source["status"];
	        this.source = source["source"];
	        this.ownerId = source["ownerId"];
	        this.sort = source["sort"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class LoggedEmail {
	    activity: Activity;
	    alreadyLogged: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LoggedEmail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.activity = this.convertValues(source["activity"], Activity);
	        this.alreadyLogged = source["alreadyLogged"];
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
	export class MergePreview {
	    keep: Contact;
	    other: Contact;
	    merged: Contact;
	    fields: string[];
	
	    static createFrom(source: any = {}) {
	        return new MergePreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.keep = this.convertValues(source["keep"], Contact);
	        this.other = this.convertValues(source["other"], Contact);
	        this.merged = this.convertValues(source["merged"], Contact);
	        this.fields = source["fields"];
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
	export class MergeResult {
	    contact: Contact;
	    mergeId: string;
	
	    static createFrom(source: any = {}) {
	        return new MergeResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.contact = this.convertValues(source["contact"], Contact);
	        this.mergeId = source["mergeId"];
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
	export class MergeSummary {
	    id: string;
	    keepId: string;
	    keepName: string;
	    otherId: string;
	    otherName: string;
	    createdAt: string;
	    undone: boolean;
	
	    static createFrom(source: any = {}) {
	        return new MergeSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.keepId = source["keepId"];
	        this.keepName = source["keepName"];
	        this.otherId = source["otherId"];
	        this.otherName = source["otherName"];
	        this.createdAt = source["createdAt"];
	        this.undone = source["undone"];
	    }
	}
	
	export class MoveRequest {
	    id: string;
	    version: number;
	    scope: string;
	    recurrenceId: string;
	    start: string;
	    end: string;
	
	    static createFrom(source: any = {}) {
	        return new MoveRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.scope = source["scope"];
	        this.recurrenceId = source["recurrenceId"];
	        this.start = source["start"];
	        this.end = source["end"];
	    }
	}
	
	
	export class OccurrenceQuery {
	    from: string;
	    to: string;
	    calendarIds: string[];
	
	    static createFrom(source: any = {}) {
	        return new OccurrenceQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.calendarIds = source["calendarIds"];
	    }
	}
	
	export class OrderLineInput {
	    product: string;
	    quantity: number;
	    unitPrice: string;
	
	    static createFrom(source: any = {}) {
	        return new OrderLineInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.product = source["product"];
	        this.quantity = source["quantity"];
	        this.unitPrice = source["unitPrice"];
	    }
	}
	export class OrderInput {
	    number: string;
	    companyId: string;
	    contactId: string;
	    orderDate: string;
	    currency: string;
	    lines: OrderLineInput[];
	    paymentStatus: string;
	    dueDate: string;
	    paidAt: string;
	    notes: string;
	    dealId: string;
	
	    static createFrom(source: any = {}) {
	        return new OrderInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.number = source["number"];
	        this.companyId = source["companyId"];
	        this.contactId = source["contactId"];
	        this.orderDate = source["orderDate"];
	        this.currency = source["currency"];
	        this.lines = this.convertValues(source["lines"], OrderLineInput);
	        this.paymentStatus = source["paymentStatus"];
	        this.dueDate = source["dueDate"];
	        this.paidAt = source["paidAt"];
	        this.notes = source["notes"];
	        this.dealId = source["dealId"];
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
	
	
	export class OrderPage {
	    items: OrderDTO[];
	    total: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new OrderPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], OrderDTO);
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
	export class OrderPreview {
	    lines: Money[];
	    total: Money;
	
	    static createFrom(source: any = {}) {
	        return new OrderPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lines = this.convertValues(source["lines"], Money);
	        this.total = this.convertValues(source["total"], Money);
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
	export class OrderQuery {
	    companyId: string;
	    contactId: string;
	    status: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new OrderQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.companyId = source["companyId"];
	        this.contactId = source["contactId"];
	        this.status = source["status"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class OutboxEntry {
	    seq: number;
	    entity: string;
	    entityId: string;
	    title: string;
	    op: string;
	    fields: string[];
	    createdAt: string;
	    state: string;
	    attempts: number;
	    lastError: string;
	
	    static createFrom(source: any = {}) {
	        return new OutboxEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seq = source["seq"];
	        this.entity = source["entity"];
	        this.entityId = source["entityId"];
	        this.title = source["title"];
	        this.op = source["op"];
	        this.fields = source["fields"];
	        this.createdAt = source["createdAt"];
	        this.state = source["state"];
	        this.attempts = source["attempts"];
	        this.lastError = source["lastError"];
	    }
	}
	
	
	export class Owner {
	    id: string;
	    name: string;
	    email: string;
	    isMe: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Owner(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.isMe = source["isMe"];
	    }
	}
	export class OwnerInput {
	    id: string;
	    name: string;
	    email: string;
	
	    static createFrom(source: any = {}) {
	        return new OwnerInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.email = source["email"];
	    }
	}
	
	
	export class StageInput {
	    id: string;
	    name: string;
	    probability: number;
	
	    static createFrom(source: any = {}) {
	        return new StageInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.probability = source["probability"];
	    }
	}
	export class PipelineInput {
	    id: string;
	    name: string;
	    stages: StageInput[];
	
	    static createFrom(source: any = {}) {
	        return new PipelineInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.stages = this.convertValues(source["stages"], StageInput);
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
	
	
	
	export class ReorderSettings {
	    leadDays: number;
	
	    static createFrom(source: any = {}) {
	        return new ReorderSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.leadDays = source["leadDays"];
	    }
	}
	
	
	
	
	
	export class ReportInfo {
	    name: string;
	    filters: string[];
	    chart: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.filters = source["filters"];
	        this.chart = source["chart"];
	    }
	}
	
	
	export class SavedFilter {
	    id: string;
	    name: string;
	    filter: ContactFilter;
	
	    static createFrom(source: any = {}) {
	        return new SavedFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.filter = this.convertValues(source["filter"], ContactFilter);
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
	export class SavedFilterInput {
	    id: string;
	    name: string;
	    filter: ContactFilter;
	
	    static createFrom(source: any = {}) {
	        return new SavedFilterInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.filter = this.convertValues(source["filter"], ContactFilter);
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
	
	export class ScoringRule {
	    id: string;
	    label: string;
	    kind: string;
	    field: string;
	    op: string;
	    value: string;
	    points: number;
	
	    static createFrom(source: any = {}) {
	        return new ScoringRule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.label = source["label"];
	        this.kind = source["kind"];
	        this.field = source["field"];
	        this.op = source["op"];
	        this.value = source["value"];
	        this.points = source["points"];
	    }
	}
	export class SearchHit {
	    kind: string;
	    id: string;
	    area: string;
	    openId: string;
	    title: string;
	    subtitle: string;
	    snippet: string;
	    extra: string;
	
	    static createFrom(source: any = {}) {
	        return new SearchHit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.area = source["area"];
	        this.openId = source["openId"];
	        this.title = source["title"];
	        this.subtitle = source["subtitle"];
	        this.snippet = source["snippet"];
	        this.extra = source["extra"];
	    }
	}
	export class Settings {
	    language: string;
	    phoneRegion: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.language = source["language"];
	        this.phoneRegion = source["phoneRegion"];
	    }
	}
	
	
	
	export class StageVisit {
	    stageId: string;
	    stageName: string;
	    status: string;
	    enteredAt: string;
	    leftAt: string;
	
	    static createFrom(source: any = {}) {
	        return new StageVisit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stageId = source["stageId"];
	        this.stageName = source["stageName"];
	        this.status = source["status"];
	        this.enteredAt = source["enteredAt"];
	        this.leftAt = source["leftAt"];
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
	export class SyncProgress {
	    account: string;
	    addressBook: string;
	    phase: string;
	    done: number;
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new SyncProgress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.account = source["account"];
	        this.addressBook = source["addressBook"];
	        this.phase = source["phase"];
	        this.done = source["done"];
	        this.total = source["total"];
	    }
	}
	export class SyncSummary {
	    fetched: number;
	    applied: number;
	    pushed: number;
	    failed: number;
	    conflicts: number;
	    skipped: number;
	    errors: string[];
	
	    static createFrom(source: any = {}) {
	        return new SyncSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fetched = source["fetched"];
	        this.applied = source["applied"];
	        this.pushed = source["pushed"];
	        this.failed = source["failed"];
	        this.conflicts = source["conflicts"];
	        this.skipped = source["skipped"];
	        this.errors = source["errors"];
	    }
	}
	export class SyncStatus {
	    accounts: number;
	    running: boolean;
	    online: boolean;
	    lastSyncAt: string;
	    nextSyncAt: string;
	    lastError: string;
	    pending: number;
	    conflicts: number;
	    intervalMinutes: number;
	    policy: string;
	    credentialStorage: string;
	    credentialNotice: string;
	    progress?: SyncProgress;
	    last?: SyncSummary;
	
	    static createFrom(source: any = {}) {
	        return new SyncStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.accounts = source["accounts"];
	        this.running = source["running"];
	        this.online = source["online"];
	        this.lastSyncAt = source["lastSyncAt"];
	        this.nextSyncAt = source["nextSyncAt"];
	        this.lastError = source["lastError"];
	        this.pending = source["pending"];
	        this.conflicts = source["conflicts"];
	        this.intervalMinutes = source["intervalMinutes"];
	        this.policy = source["policy"];
	        this.credentialStorage = source["credentialStorage"];
	        this.credentialNotice = source["credentialNotice"];
	        this.progress = this.convertValues(source["progress"], SyncProgress);
	        this.last = this.convertValues(source["last"], SyncSummary);
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
	
	
	export class TaskInput {
	    calendarId: string;
	    title: string;
	    notes: string;
	    due: string;
	    start: string;
	    timeZone: string;
	    priority: number;
	    status: string;
	    percentComplete: number;
	    rrule: string;
	    reminders: ReminderDTO[];
	    categories: string[];
	    contactId: string;
	    companyId: string;
	    dealId: string;
	
	    static createFrom(source: any = {}) {
	        return new TaskInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.calendarId = source["calendarId"];
	        this.title = source["title"];
	        this.notes = source["notes"];
	        this.due = source["due"];
	        this.start = source["start"];
	        this.timeZone = source["timeZone"];
	        this.priority = source["priority"];
	        this.status = source["status"];
	        this.percentComplete = source["percentComplete"];
	        this.rrule = source["rrule"];
	        this.reminders = this.convertValues(source["reminders"], ReminderDTO);
	        this.categories = source["categories"];
	        this.contactId = source["contactId"];
	        this.companyId = source["companyId"];
	        this.dealId = source["dealId"];
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
	export class TaskQuery {
	    list: string;
	    contactId?: string;
	
	    static createFrom(source: any = {}) {
	        return new TaskQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.list = source["list"];
	        this.contactId = source["contactId"];
	    }
	}
	export class TimelineItemDTO {
	    kind: string;
	    eventId: string;
	    recurrenceId: string;
	    title: string;
	    start: string;
	    end: string;
	    location: string;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new TimelineItemDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.eventId = source["eventId"];
	        this.recurrenceId = source["recurrenceId"];
	        this.title = source["title"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.location = source["location"];
	        this.notes = source["notes"];
	    }
	}
	export class TimelinePage {
	    items: Activity[];
	    next: string;
	
	    static createFrom(source: any = {}) {
	        return new TimelinePage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], Activity);
	        this.next = source["next"];
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
	export class TimelineRequest {
	    contactId: string;
	    companyId: string;
	    leadId: string;
	    dealId: string;
	    kinds: string[];
	    ownerId: string;
	    before: string;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new TimelineRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.contactId = source["contactId"];
	        this.companyId = source["companyId"];
	        this.leadId = source["leadId"];
	        this.dealId = source["dealId"];
	        this.kinds = source["kinds"];
	        this.ownerId = source["ownerId"];
	        this.before = source["before"];
	        this.limit = source["limit"];
	    }
	}
	export class UndoMergeResult {
	    keep: Contact;
	    other: Contact;
	
	    static createFrom(source: any = {}) {
	        return new UndoMergeResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.keep = this.convertValues(source["keep"], Contact);
	        this.other = this.convertValues(source["other"], Contact);
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

}

export namespace syncer {
	
	export class Syncer {
	
	
	    static createFrom(source: any = {}) {
	        return new Syncer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	
	    }
	}

}

