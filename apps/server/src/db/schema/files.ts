import { customType, index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { units, users } from './org'
import { at } from './columns'

/** Raw bytes (also signatures); both drivers hand back a Uint8Array (postgres.js a Buffer, which is one). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
})

export const FILE_STORAGES = ['database', 'folder'] as const

/**
 * Uploaded files (申报材料). The row holds what was checked on arrival: the type read from the
 * content, the size and the SHA-256. The bytes live in `file_contents` or, with HALL_FILES_DIR,
 * in a file named by the id (never by the user's name).
 */
export const files = pgTable(
  'files',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    uploadedBy: text('uploaded_by')
      .notNull()
      .references(() => users.id),
    /** The case the file belongs to once attached; no foreign key until the cases module exists. */
    caseId: text('case_id'),
    /**
     * The case the upload named (`caseId` of the request), whose form's field limits were applied;
     * another case's submission or step edit may not use the file.
     */
    forCaseId: text('for_case_id'),
    /** Schema path of the form field it was uploaded for (`certificate`, `rows.scan`). */
    field: text('field'),
    /** Materials-checklist entry (`x-material`) it satisfies. */
    material: text('material'),
    /** Sanitised file name, shown to people and offered on download. */
    name: text('name').notNull(),
    /** The type read from the bytes (`application/pdf`), not the one the browser claimed. */
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storage: text('storage', { enum: FILE_STORAGES }).notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('files_uploader').on(t.uploadedBy), index('files_case').on(t.caseId)],
)

/** The bytes of files kept in the database (the embedded default). */
export const fileContents = pgTable('file_contents', {
  fileId: text('file_id')
    .primaryKey()
    .references(() => files.id, { onDelete: 'cascade' }),
  bytes: bytea('bytes').notNull(),
})
