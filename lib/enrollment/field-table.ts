// The `core_customer` field table (docs/seeds/000_7041fd87bcb4c07c.txt) as data, with the
// decisions of docs/CONTRACTS.md §1 applied. Schemas, forms and labels are all derived
// from this one list so they cannot drift apart.

export const SECTION_KEYS = [
  "client_info",
  "client_documents",
  "client_location",
  "client_contact",
  "client_job_info",
  "client_references",
  "client_transactionality",
  "client_entity_branch",
] as const;

export type TSectionKey = (typeof SECTION_KEYS)[number];

export type TText = { en: string; es: string };

export type TKnownValue = { value: string | number; label?: TText };

export type TFieldType =
  // no maxLength = the seed's `text` type (unbounded)
  | { type: "string"; maxLength?: number; format?: "email" }
  | { type: "integer" }
  | { type: "float" }
  | { type: "date" }
  | { type: "flag" }
  | { type: "enum"; values: readonly string[]; maxLength?: number; valueLabels?: Readonly<Record<string, TText>> }
  | { type: "country" }
  | { type: "currency" }
  | { type: "object" };

type TFieldRow = TFieldType & {
  // dotted path inside the section (inside one array item for client_documents)
  path: string;
  // for an object: the object itself must be present; for a field inside an object: the
  // field is required whenever that object is present
  required?: true;
  label: TText;
  description: TText;
  // suggestions for open coded fields: any other value within the length is accepted
  knownValues?: readonly TKnownValue[];
  // an identity number: sealed at rest and masked for read-only roles (lib/pii/identities.ts)
  identity?: true;
};

export type TFieldSpec = TFieldType & {
  section: TSectionKey;
  path: string;
  required: boolean;
  label: TText;
  description: TText;
  knownValues?: readonly TKnownValue[];
  identity?: true;
};

export type TSectionSpec = { key: TSectionKey; kind: "object" | "array"; label: TText; description: TText };

const t = (en: string, es: string): TText => ({ en, es });
const str = (maxLength?: number) => ({ type: "string" as const, maxLength });
const email = (maxLength: number) => ({ type: "string" as const, maxLength, format: "email" as const });
const INTEGER = { type: "integer" } as const;
const FLOAT = { type: "float" } as const;
const DATE = { type: "date" } as const;
const FLAG = { type: "flag" } as const;
const COUNTRY = { type: "country" } as const;
const CURRENCY = { type: "currency" } as const;
const OBJECT = { type: "object" } as const;

const known = (...values: (string | number)[]): TKnownValue[] => values.map((value) => ({ value }));

const DOCUMENT_TYPES = known("IDEN", "SSN", "DL", "DOPI", "IDAD", "PAAD", "CEDU", "PASA", "RNC", "RNCE", "LCD", "NSS");

export const SECTIONS: readonly TSectionSpec[] = [
  { key: "client_info", kind: "object", label: t("Personal information", "Información personal"), description: t("Personal information of the client: names, surnames, etc.", "Información personal del cliente: nombres, apellidos, etc.") },
  { key: "client_documents", kind: "array", label: t("Documents", "Documentos"), description: t("The client's identification documents", "Documentos de identificación del cliente") },
  { key: "client_location", kind: "object", label: t("Home", "Domicilio"), description: t("Client's home data", "Datos del domicilio del cliente") },
  { key: "client_contact", kind: "object", label: t("Contact", "Contacto"), description: t("Contact details of the client", "Datos de contacto del cliente") },
  { key: "client_job_info", kind: "object", label: t("Employment", "Empleo"), description: t("Job data of the client", "Datos laborales del cliente") },
  { key: "client_references", kind: "object", label: t("References", "Referencias"), description: t("Bank, personal and commercial references. Bank references are optional.", "Referencias bancarias, personales y comerciales. Las bancarias son opcionales.") },
  { key: "client_transactionality", kind: "object", label: t("Transactionality", "Transaccionalidad"), description: t("Client transactionality data", "Datos de transaccionalidad del cliente") },
  { key: "client_entity_branch", kind: "object", label: t("Branch", "Sucursal"), description: t("Branch of the entity where the client is registering", "Sucursal de la entidad donde se registra el cliente") },
];

const clientInfo: TFieldRow[] = [
  { path: "first_name", ...str(30), required: true, label: t("First name", "Primer nombre"), description: t("Customer first name", "Primer nombre del cliente") },
  { path: "middle_name", ...str(30), label: t("Middle name", "Segundo nombre"), description: t("Second name of the customer", "Segundo nombre del cliente") },
  { path: "last_name", ...str(30), required: true, label: t("Last name", "Primer apellido"), description: t("Customer's first last name", "Primer apellido del cliente") },
  { path: "middle_last_name", ...str(30), label: t("Second last name", "Segundo apellido"), description: t("Customer's second last name", "Segundo apellido del cliente") },
  { path: "nickname", ...str(100), label: t("Nickname", "Apodo"), description: t("Nickname", "Apodo") },
  {
    path: "sex",
    type: "enum",
    values: ["M", "F", "NB", "NC", "O"],
    // the seed says varchar 1 but lists NB and NC in the same row (CONTRACTS.md §1)
    maxLength: 2,
    valueLabels: { M: t("Male", "Masculino"), F: t("Female", "Femenino"), NB: t("Non-binary", "No binario"), NC: t("No comments", "Sin comentarios"), O: t("Other", "Otro") },
    required: true,
    label: t("Sex", "Sexo"),
    description: t("Gender: M (Male) / F (Female) / NB (No Binary) / NC (No Comments) / O (Other)", "Género: M (masculino) / F (femenino) / NB (no binario) / NC (sin comentarios) / O (otro)"),
  },
  { path: "other_sex_description", ...str(50), label: t("Other gender", "Otro género"), description: t("When sex = O (Other) the gender indicated by the client is sent", "Cuando sexo = O (otro), el género indicado por el cliente") },
  { path: "birth_date", ...DATE, required: true, label: t("Birth date", "Fecha de nacimiento"), description: t("Birth date. Format YYYY-MM-DD", "Fecha de nacimiento. Formato AAAA-MM-DD") },
  {
    path: "civil_status_id", ...INTEGER, required: true, label: t("Civil status code", "Código de estado civil"), description: t("Civil status code (see the static-data annex)", "Código de estado civil (ver el anexo de datos estáticos)"),
    knownValues: [{ value: 1, label: t("single — Soltero(a)", "single — Soltero(a)") }, { value: 2, label: t("married — Casado(a)", "married — Casado(a)") }],
  },
  { path: "civil_status_description", ...str(50), label: t("Civil status", "Estado civil"), description: t("Description of marital status", "Descripción del estado civil"), knownValues: known("Soltero(a)", "Casado(a)") },
  { path: "civil_status_unique_description", ...str(20), label: t("Civil status key", "Clave de estado civil"), description: t("Unique description of marital status. Example: married, single, etc.", "Descripción única del estado civil. Ejemplo: married, single, etc."), knownValues: known("single", "married") },
  { path: "nationality_code", ...COUNTRY, label: t("Nationality", "Nacionalidad"), description: t("Country code of nationality in Alpha-2. Example: DO, IT, CO, etc.", "Código de país de la nacionalidad en Alfa-2. Ejemplo: DO, IT, CO, etc.") },
  { path: "other_nationality_code", ...COUNTRY, label: t("Second nationality", "Segunda nacionalidad"), description: t("Country code of second nationality in Alpha-2", "Código de país de la segunda nacionalidad en Alfa-2") },
  { path: "person_type_code", ...str(10), label: t("Person type", "Tipo de persona"), description: t("Indicates if the person is PEP or RPEP. If not, the value is empty", "Indica si la persona es PEP o RPEP. Si no lo es, el valor va vacío"), knownValues: known("PEP", "RPEP") },
  { path: "spouse_info", ...OBJECT, label: t("Spouse", "Cónyuge"), description: t("Spouse's data", "Datos del cónyuge") },
  { path: "spouse_info.first_name", ...str(30), label: t("First name", "Primer nombre"), description: t("Spouse's first name", "Primer nombre del cónyuge") },
  { path: "spouse_info.middle_name", ...str(30), label: t("Middle name", "Segundo nombre"), description: t("Spouse's middle name", "Segundo nombre del cónyuge") },
  { path: "spouse_info.last_name", ...str(30), label: t("Last name", "Primer apellido"), description: t("Spouse's last name", "Primer apellido del cónyuge") },
  { path: "spouse_info.middle_last_name", ...str(30), label: t("Second last name", "Segundo apellido"), description: t("Spouse's second last name", "Segundo apellido del cónyuge") },
  { path: "spouse_info.document_type_code", ...str(4), label: t("Document type", "Tipo de documento"), description: t("Document type (see the static-data annex)", "Tipo de documento (ver el anexo de datos estáticos)"), knownValues: DOCUMENT_TYPES },
  { path: "spouse_info.document_number", ...str(15), identity: true, label: t("Document number", "Número de documento"), description: t("Document number", "Número de documento") },
  { path: "spouse_info.issuing_country_code", ...COUNTRY, label: t("Issuing country", "País emisor"), description: t("Country issuing the document in Alpha-2", "País emisor del documento en Alfa-2") },
  { path: "immigration_status", ...OBJECT, label: t("Immigration status", "Estatus migratorio"), description: t("Immigration status of the client", "Estatus migratorio del cliente") },
  { path: "immigration_status.unique_name", ...str(50), label: t("Immigration status key", "Clave de estatus migratorio"), description: t("Unique immigration status identifier: work_permit, holidays, resident", "Identificador único del estatus migratorio: work_permit, holidays, resident"), knownValues: known("work_permit", "holidays", "resident") },
  { path: "immigration_status.description", ...str(50), label: t("Immigration status", "Estatus migratorio"), description: t("Immigration status description: Work permit, Vacation, Resident", "Descripción del estatus migratorio: permiso de trabajo, vacaciones, residente"), knownValues: known("Work permit", "Vacation", "Resident") },
  { path: "wisenroll_code", ...str(6), required: true, label: t("Wisenroll code", "Código Wisenroll"), description: t("Wisenroll code", "Código Wisenroll") },
  ...[1, 2, 3].map((n): TFieldRow => ({
    path: `additional_field${n}`, ...str(150), label: t(`Additional field ${n}`, `Campo adicional ${n}`),
    description: t("Optional field to store what the client indicates; only sent when it has a value", "Campo opcional para guardar lo que indique el cliente; solo se envía si tiene valor"),
  })),
  // not in the seed table; from the vendor's public copy (CONTRACTS.md §1 and §4b)
  { path: "customer_number", ...INTEGER, label: t("Customer number", "Número de cliente"), description: t("The core's customer number: empty on the first push, set on every later push (update)", "Número de cliente del core: vacío en el primer envío, informado en cada envío posterior (actualización)") },
  { path: "risk_data", ...OBJECT, label: t("Risk data", "Datos de riesgo"), description: t("Risk assessment of the client", "Evaluación de riesgo del cliente") },
  { path: "risk_data.risk_value", ...FLOAT, label: t("Risk value", "Valor de riesgo"), description: t("Risk score", "Puntuación de riesgo") },
  {
    path: "risk_data.risk_level_unique_description", type: "enum", values: ["low", "medium", "high"],
    valueLabels: { low: t("Low", "Bajo"), medium: t("Medium", "Medio"), high: t("High", "Alto") },
    label: t("Risk level key", "Clave de nivel de riesgo"), description: t("Unique risk level: low, medium or high", "Nivel de riesgo único: low, medium o high"),
  },
  { path: "risk_data.risk_level_description", ...str(), label: t("Risk level", "Nivel de riesgo"), description: t("Risk level description", "Descripción del nivel de riesgo") },
];

const clientDocuments: TFieldRow[] = [
  { path: "document_number", ...str(20), required: true, identity: true, label: t("Document number", "Número de documento"), description: t("Document number", "Número de documento") },
  { path: "document_type_code", ...str(20), required: true, label: t("Document type", "Tipo de documento"), description: t("Document type (see the static-data annex)", "Tipo de documento (ver el anexo de datos estáticos)"), knownValues: DOCUMENT_TYPES },
  { path: "issuing_country_code", ...COUNTRY, required: true, label: t("Issuing country", "País emisor"), description: t("Country issuing the document in Alpha-2", "País emisor del documento en Alfa-2") },
  { path: "main", ...FLAG, required: true, label: t("Main document", "Documento principal"), description: t("Flag to label the document as main (1 is main, 0 is not main)", "Indicador de documento principal (1 es principal, 0 no lo es)") },
];

const clientLocation: TFieldRow[] = [
  { path: "city_description", ...str(30), required: true, label: t("City", "Ciudad"), description: t("Name of the city of residence", "Nombre de la ciudad de residencia") },
  // the seed lists country_code twice; CONTRACTS.md §1 keeps one field
  { path: "country_code", ...COUNTRY, required: true, label: t("Country", "País"), description: t("Country of residence in Alpha-2", "País de residencia en Alfa-2") },
  { path: "country_description", ...str(20), required: true, label: t("Country name", "Nombre del país"), description: t("Name of country of residence", "Nombre del país de residencia") },
  { path: "locality_code", ...str(6), required: true, label: t("Locality code", "Código de localidad"), description: t("Locality code. For USA customers it is the postal code of the locality", "Código de localidad. Para clientes de EE. UU. es el código postal de la localidad") },
  { path: "locality_description", ...str(70), required: true, label: t("Locality", "Localidad"), description: t("Locality name", "Nombre de la localidad") },
  { path: "address", ...str(100), required: true, label: t("Address", "Dirección"), description: t("Home address", "Dirección del domicilio") },
  {
    path: "housing_type", type: "enum", values: ["Propia", "Alquilada"], maxLength: 50,
    valueLabels: { Propia: t("Owned", "Propia"), Alquilada: t("Rented", "Alquilada") },
    label: t("Housing type", "Tipo de vivienda"), description: t("Type of housing: Propia (Owned) or Alquilada (Rented)", "Tipo de vivienda: Propia o Alquilada"),
  },
  { path: "rent_amount", ...FLOAT, label: t("Rent amount", "Monto del alquiler"), description: t("Rental amount in case the type of housing is rented. It can be null.", "Monto del alquiler si la vivienda es alquilada. Puede ser nulo.") },
  { path: "rent_currency", ...CURRENCY, label: t("Rent currency", "Moneda del alquiler"), description: t("Currency of the rental payment amount", "Moneda del monto del alquiler") },
  { path: "owner", ...str(80), label: t("Owner", "Propietario"), description: t("Owner's name (rented case)", "Nombre del propietario (caso alquilada)") },
  { path: "owner_phone", ...str(30), label: t("Owner's phone", "Teléfono del propietario"), description: t("Owner's phone number (rented case)", "Teléfono del propietario (caso alquilada)") },
  { path: "postal_code", ...str(10), label: t("Postal code", "Código postal"), description: t("Postal Code / Zip Code", "Código postal / ZIP") },
  { path: "neighbourhood_description", ...str(150), label: t("Neighbourhood", "Barrio"), description: t("Neighbourhood", "Barrio o sector") },
  { path: "province_code", ...str(10), label: t("Province code", "Código de provincia"), description: t("Province code (see the static-data annex). Has a value for Dominican Republic addresses", "Código de provincia (ver el anexo de datos estáticos). Tiene valor en direcciones de República Dominicana") },
  { path: "province_description", ...str(70), label: t("Province", "Provincia"), description: t("Province name", "Nombre de la provincia") },
];

const clientContact: TFieldRow[] = [
  { path: "email", ...email(50), required: true, label: t("Email", "Correo electrónico"), description: t("Email", "Correo electrónico") },
  { path: "cell_phone", ...str(20), required: true, label: t("Cell phone", "Celular"), description: t("Cellphone number", "Número de celular") },
  { path: "home_phone", ...str(20), label: t("Home phone", "Teléfono de casa"), description: t("Home phone number", "Teléfono de casa") },
  { path: "buss_phone", ...str(20), label: t("Office phone", "Teléfono de oficina"), description: t("Office phone number", "Teléfono de oficina") },
  { path: "social_network_name", ...str(45), label: t("Social network", "Red social"), description: t("Social network name", "Nombre de la red social") },
  { path: "social_network_username", ...str(30), label: t("Social network user", "Usuario de red social"), description: t("Social network username", "Usuario en la red social") },
];

const clientJobInfo: TFieldRow[] = [
  { path: "salary", ...FLOAT, required: true, label: t("Salary", "Salario"), description: t("Salary", "Salario") },
  { path: "annual_gross_salary", ...FLOAT, required: true, label: t("Annual gross salary", "Salario bruto anual"), description: t("Annual gross salary", "Salario bruto anual") },
  { path: "net_income", ...FLOAT, required: true, label: t("Net monthly income", "Ingreso neto mensual"), description: t("Net Monthly Income", "Ingreso neto mensual") },
  // varchar 4 in the seed, but CONTRACTS.md treats currency fields as ISO 4217 (3 letters)
  { path: "currency_code", ...CURRENCY, required: true, label: t("Currency", "Moneda"), description: t("Currency code (ISO 4217)", "Código de moneda (ISO 4217)") },
  { path: "company_name", ...str(100), label: t("Company", "Empresa"), description: t("Name of the company where the client works", "Nombre de la empresa donde trabaja el cliente") },
  { path: "company_country_code", ...COUNTRY, required: true, label: t("Company country", "País de la empresa"), description: t("Country code in Alpha-2 where the company is located", "Código de país en Alfa-2 donde está la empresa") },
  { path: "company_country_description", ...str(20), required: true, label: t("Company country name", "Nombre del país de la empresa"), description: t("Name of the country where the company is located", "Nombre del país donde está la empresa") },
  { path: "work_address", ...str(150), required: true, label: t("Work address", "Dirección laboral"), description: t("Work address", "Dirección del trabajo") },
  { path: "work_email", ...email(100), label: t("Work email", "Correo laboral"), description: t("Work email", "Correo electrónico laboral") },
  { path: "entry_date", ...DATE, required: true, label: t("Entry date", "Fecha de ingreso"), description: t("Date of entry into the company. Format YYYY-MM-DD", "Fecha de ingreso a la empresa. Formato AAAA-MM-DD") },
  { path: "professional_position", ...str(100), required: true, label: t("Position", "Cargo"), description: t("Position within the company", "Cargo dentro de la empresa") },
  { path: "occupation_code", ...str(50), required: true, label: t("Occupation code", "Código de ocupación"), description: t("Occupation code: CIIU for the Dominican Republic, SOC for the United States", "Código de ocupación: CIIU para República Dominicana, SOC para Estados Unidos") },
  { path: "occupation_description", ...str(), required: true, label: t("Occupation", "Ocupación"), description: t("Occupation description", "Descripción de la ocupación") },
  { path: "other_job_info", ...OBJECT, label: t("Other economic activity", "Otra actividad económica"), description: t("Information of additional labor data of the client", "Datos laborales adicionales del cliente") },
  { path: "other_job_info.commercial_activity_code", ...str(6), label: t("Activity code", "Código de actividad"), description: t("Additional commercial activity code (from the activities uploaded to the GIR platform)", "Código de la actividad comercial adicional (de las actividades cargadas en la plataforma GIR)") },
  { path: "other_job_info.commercial_activity_description", ...str(), label: t("Activity", "Actividad"), description: t("Description of the additional commercial activity", "Descripción de la actividad comercial adicional") },
  { path: "other_job_info.country_code", ...COUNTRY, label: t("Business country", "País del negocio"), description: t("Country of business", "País del negocio") },
  { path: "other_job_info.country_description", ...str(20), label: t("Business country name", "Nombre del país del negocio"), description: t("Business country name", "Nombre del país del negocio") },
  { path: "other_job_info.quantity_of_employees", ...INTEGER, label: t("Employees", "Empleados"), description: t("Quantity of employees", "Cantidad de empleados") },
  { path: "other_job_info.total_assets", ...FLOAT, label: t("Total assets", "Activos totales"), description: t("Total amount of assets", "Monto total de activos") },
  { path: "other_job_info.income_in_another_currency", ...FLOAT, label: t("Income in another currency", "Ingresos en otra moneda"), description: t("Income in another currency expressed in USD. Default is 0", "Ingresos en otra moneda expresados en USD. Por defecto 0") },
  { path: "other_job_info.origin_income", ...str(100), label: t("Source of income", "Origen de los ingresos"), description: t("Description of the source of income", "Descripción del origen de los ingresos") },
  { path: "previously_employment_data", ...OBJECT, label: t("Previous employment", "Empleo anterior"), description: t("Previous employment data if applicable", "Datos del empleo anterior, si aplica") },
  { path: "previously_employment_data.previous_boss_full_name", ...str(200), label: t("Previous boss", "Jefe anterior"), description: t("Full name of your boss at previous job", "Nombre completo del jefe en el empleo anterior") },
  { path: "previously_employment_data.previous_company_name", ...str(50), label: t("Previous company", "Empresa anterior"), description: t("Name of the company of your previous employment", "Nombre de la empresa del empleo anterior") },
  { path: "previously_employment_data.previous_seniority", ...INTEGER, label: t("Previous seniority (months)", "Antigüedad anterior (meses)"), description: t("Seniority in your previous job in months", "Antigüedad en el empleo anterior, en meses") },
];

const ORDINAL = { first: t("First", "Primera"), second: t("Second", "Segunda") } as const;
type TOrdinal = keyof typeof ORDINAL;

function bankReference(ord: TOrdinal): TFieldRow[] {
  const p = `${ord}_bank_reference`;
  return [
    { path: p, ...OBJECT, label: t(`${ORDINAL[ord].en} bank reference`, `${ORDINAL[ord].es} referencia bancaria`), description: t("Bank reference (optional)", "Referencia bancaria (opcional)") },
    { path: `${p}.country_code`, ...COUNTRY, label: t("Country", "País"), description: t("Country code in Alpha-2", "Código de país en Alfa-2") },
    { path: `${p}.bank_name`, ...str(50), label: t("Bank", "Banco"), description: t("Bank's name", "Nombre del banco") },
    // the seed table spells it `acount_type_description`; normalize.ts maps that on intake
    { path: `${p}.account_type_description`, ...str(50), label: t("Account type", "Tipo de cuenta"), description: t("Account type", "Tipo de cuenta") },
    { path: `${p}.account_number`, ...str(50), label: t("Account number", "Número de cuenta"), description: t("Account number", "Número de cuenta") },
    { path: `${p}.officer`, ...str(100), label: t("Officer", "Oficial"), description: t("Name of responsible officer", "Nombre del oficial responsable") },
    { path: `${p}.canceled`, ...FLAG, label: t("Canceled", "Cancelada"), description: t("1 if it is a canceled account, 0 otherwise", "1 si la cuenta está cancelada, 0 si no") },
    { path: `${p}.canceled_reason`, ...str(200), label: t("Cancellation reason", "Motivo de cancelación"), description: t("Reason for cancellation, in case canceled is true", "Motivo de la cancelación, si está cancelada") },
    { path: `${p}.aba_code`, ...str(50), label: t("ABA code", "Código ABA"), description: t("ABA Routing Number, for banks in the USA", "Número de ruta ABA, para bancos de EE. UU.") },
    { path: `${p}.iban_code`, ...str(50), label: t("IBAN", "IBAN"), description: t("International Bank Account Number", "Número internacional de cuenta bancaria") },
    { path: `${p}.swift_code`, ...str(50), label: t("SWIFT code", "Código SWIFT"), description: t("SWIFT code", "Código SWIFT") },
  ];
}

function personalReference(ord: TOrdinal): TFieldRow[] {
  const p = `${ord}_personal_reference`;
  return [
    { path: p, ...OBJECT, required: true, label: t(`${ORDINAL[ord].en} personal reference`, `${ORDINAL[ord].es} referencia personal`), description: t("Personal reference", "Referencia personal") },
    // the seed puts the `*` on the row that carries `name`: a reference needs at least a name
    { path: `${p}.name`, ...str(100), required: true, label: t("Name", "Nombre"), description: t("Full name of the reference", "Nombre completo de la referencia") },
    { path: `${p}.relationship`, ...str(50), label: t("Relationship", "Parentesco"), description: t("Family (Familiar) or Not Family (No Familiar)", "Familiar o No Familiar"), knownValues: known("Familiar", "No Familiar") },
    { path: `${p}.reference_relationship_unique_description`, ...str(50), label: t("Relationship type", "Tipo de relación"), description: t("Relationship type", "Tipo de relación"), knownValues: known("brother", "brother_in_law", "cousin", "uncle", "coworker", "friend", "acquaintance", "neighbour") },
    { path: `${p}.phone`, ...str(20), label: t("Phone", "Teléfono"), description: t("Reference phone number", "Teléfono de la referencia") },
    { path: `${p}.address`, ...str(150), label: t("Address", "Dirección"), description: t("Home address", "Dirección del domicilio") },
    { path: `${p}.document_number`, ...str(20), identity: true, label: t("Document number", "Número de documento"), description: t("Document number", "Número de documento") },
    { path: `${p}.document_type_code`, ...str(4), label: t("Document type", "Tipo de documento"), description: t("Document type", "Tipo de documento"), knownValues: DOCUMENT_TYPES },
    // free text: the seed's examples send country names (CONTRACTS.md §1)
    { path: `${p}.country`, ...str(50), label: t("Country", "País"), description: t("Document issuing country (name)", "País emisor del documento (nombre)") },
    { path: `${p}.email`, ...email(150), label: t("Email", "Correo electrónico"), description: t("Email", "Correo electrónico") },
  ];
}

function commercialReference(ord: TOrdinal, kind: "supplier" | "client"): TFieldRow[] {
  const p = `${ord}_${kind}_commercial_reference`;
  const who = kind === "supplier" ? t("Supplier", "Proveedor") : t("Customer", "Cliente");
  const label = kind === "supplier"
    ? t(`${ORDINAL[ord].en} supplier reference`, `${ORDINAL[ord].es} referencia comercial (proveedor)`)
    : t(`${ORDINAL[ord].en} client reference`, `${ORDINAL[ord].es} referencia comercial (cliente)`);
  return [
    { path: p, ...OBJECT, label, description: t("Commercial reference, requested when the client has an additional economic activity", "Referencia comercial, solicitada cuando el cliente tiene una actividad económica adicional") },
    { path: `${p}.name`, ...str(100), label: t("Name", "Nombre"), description: t(`${who.en} full name`, `Nombre completo del ${who.es.toLowerCase()}`) },
    { path: `${p}.phone`, ...str(20), label: t("Phone", "Teléfono"), description: t(`${who.en} phone number`, `Teléfono del ${who.es.toLowerCase()}`) },
    { path: `${p}.country`, ...str(50), label: t("Country", "País"), description: t(`Country where the ${who.en.toLowerCase()} is located`, `País donde se encuentra el ${who.es.toLowerCase()}`) },
  ];
}

const clientReferences: TFieldRow[] = [
  ...bankReference("first"),
  ...bankReference("second"),
  ...personalReference("first"),
  ...personalReference("second"),
  ...commercialReference("first", "supplier"),
  ...commercialReference("second", "supplier"),
  ...commercialReference("first", "client"),
  ...commercialReference("second", "client"),
];

const clientTransactionality: TFieldRow[] = [
  { path: "inc_transactionality", ...FLOAT, required: true, label: t("Monthly incoming amount", "Monto mensual de entrada"), description: t("Incoming transaction amount", "Monto de transacciones de entrada") },
  { path: "inc_transactionality_currency", ...CURRENCY, required: true, label: t("Incoming currency", "Moneda de entrada"), description: t("Currency", "Moneda") },
  { path: "inc_monthly_movements", ...INTEGER, required: true, label: t("Monthly incoming movements", "Movimientos mensuales de entrada"), description: t("Amount of monthly entry movements", "Cantidad de movimientos mensuales de entrada") },
  { path: "out_transactionality", ...FLOAT, required: true, label: t("Monthly outgoing amount", "Monto mensual de salida"), description: t("Outgoing transaction amount", "Monto de transacciones de salida") },
  { path: "out_transactionality_currency", ...CURRENCY, required: true, label: t("Outgoing currency", "Moneda de salida"), description: t("Currency", "Moneda") },
  { path: "out_monthly_movements", ...INTEGER, required: true, label: t("Monthly outgoing movements", "Movimientos mensuales de salida"), description: t("Number of monthly outgoing movements", "Cantidad de movimientos mensuales de salida") },
  { path: "funds_country_code", ...COUNTRY, required: true, label: t("Funds country", "País de los fondos"), description: t("Country code in Alpha-2", "Código de país en Alfa-2") },
  { path: "funds_country_description", ...str(50), required: true, label: t("Funds country name", "Nombre del país de los fondos"), description: t("Country of origin and destination of funds", "País de origen y destino de los fondos") },
];

const clientEntityBranch: TFieldRow[] = [
  { path: "branch_code", ...str(6), required: true, label: t("Branch code", "Código de sucursal"), description: t("Entity branch code", "Código de la sucursal de la entidad") },
  { path: "branch_name", ...str(35), required: true, label: t("Branch name", "Nombre de sucursal"), description: t("Name of the branch of the entity", "Nombre de la sucursal de la entidad") },
];

const inSection = (section: TSectionKey, rows: TFieldRow[]): TFieldSpec[] =>
  rows.map((row) => ({ ...row, section, required: row.required === true }));

export const FIELD_TABLE: readonly TFieldSpec[] = [
  ...inSection("client_info", clientInfo),
  ...inSection("client_documents", clientDocuments),
  ...inSection("client_location", clientLocation),
  ...inSection("client_contact", clientContact),
  ...inSection("client_job_info", clientJobInfo),
  ...inSection("client_references", clientReferences),
  ...inSection("client_transactionality", clientTransactionality),
  ...inSection("client_entity_branch", clientEntityBranch),
];

/** The fields that are identity numbers, whatever their key is called. */
export const IDENTITY_FIELDS: readonly TFieldSpec[] = FIELD_TABLE.filter((field) => field.identity === true);

export function fieldsOf(section: TSectionKey): TFieldSpec[] {
  return FIELD_TABLE.filter((field) => field.section === section);
}

export function findField(section: TSectionKey, path: string): TFieldSpec | undefined {
  return FIELD_TABLE.find((field) => field.section === section && field.path === path);
}
