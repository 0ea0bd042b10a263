// The values the API accepts, read from the gateway's merged OpenAPI document (so a new specialty or role shows up
// without a console change); the lists below are only used when the document cannot be read.

const FALLBACK = {
  specialty: ['ORTHODONTICS', 'ORAL_SURGERY', 'PEDIATRIC_DENTISTRY', 'GENERAL_DENTISTRY'],
  kind: ['PRIVATE_PRACTICE', 'GROUP_DSO', 'HOSPITAL_CLINIC', 'UNIVERSITY', 'RESELLER'],
  source: ['INBOUND_WEB', 'INBOUND_CALL', 'OUTBOUND', 'CONFERENCE', 'RESELLER_REFERRAL', 'CUSTOMER_REFERRAL'],
  productInterests: ['EXAM_CHAIR', 'TREATMENT_CHAIR', 'DELIVERY_UNIT', 'CUSTOM_CABINETRY'],
  buyingRole: ['DECISION_MAKER', 'INFLUENCER', 'CLINICAL_USER', 'PRACTICE_MANAGER', 'PROCUREMENT', 'GATEKEEPER'],
  type: ['CALL', 'VISIT', 'EMAIL', 'MEETING', 'DEMO', 'CONFERENCE', 'TRAINING'],
  direction: ['INBOUND', 'OUTBOUND'],
  reason: ['NO_BUDGET', 'NO_NEED', 'BOUGHT_FROM_COMPETITOR', 'NOT_REACHABLE', 'OUT_OF_TERRITORY', 'NOT_A_PRACTICE', 'OTHER'],
  outcome: ['INTEREST', 'QUOTE_REQUESTED', 'NO_INTEREST'],
};

let documentPromise = null;

function apiDocument() {
  if (!documentPromise) {
    documentPromise = fetch('/v3/api-docs', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(r => (r.ok ? r.json() : null))
      .catch(() => null);
  }
  return documentPromise;
}

function resolveRef(doc, schema) {
  let s = schema;
  for (let i = 0; s && s.$ref && i < 5; i++) s = doc.components?.schemas?.[s.$ref.split('/').pop()];
  return s;
}

/**
 * The values of `property` in the JSON body of `method path` (e.g. enumOf('/api/leads', 'post', 'specialty')), items'
 * values for an array property; the fallback list when the document does not say.
 */
export async function enumOf(path, method, property) {
  const doc = await apiDocument();
  try {
    const operation = doc.paths[path][method];
    const body = resolveRef(doc, operation.requestBody.content['application/json'].schema);
    let prop = resolveRef(doc, body.properties[property]);
    if (prop.type === 'array') prop = resolveRef(doc, prop.items);
    if (Array.isArray(prop.enum) && prop.enum.length) return prop.enum;
  } catch (e) {
    // The document is away or shaped otherwise: the known values serve.
  }
  return FALLBACK[property] || [];
}
