package dev.kassa.platform.imports;

import dev.kassa.platform.error.KassaError;

/** What an uploaded table can be refused for before any of it is kept, and a job that is not there. */
public enum ImportErrors implements KassaError {
    FILE_TOO_LARGE(413, "file_too_large", "import.file_too_large"),
    NOT_A_TABLE(400, "import_file_type", "import.file_type"),
    OLD_EXCEL(400, "import_file_type", "import.file_type_xls"),
    FILE_BROKEN(400, "import_file_broken", "import.file_broken"),
    /** A workbook that unpacks to more than the service holds: too large as the upload it is (one status a code). */
    UNPACKS_TOO_LARGE(413, "file_too_large", "import.file_unsafe"),
    TOO_MANY_ROWS(400, "import_too_many_rows", "import.too_many_rows"),
    NO_ROWS(400, "import_empty", "import.empty"),
    COLUMNS_MISSING(400, "import_columns_missing", "import.columns_missing"),
    NOT_FOUND(404, "not_found", "import.not_found");

    private final Definition definition;

    ImportErrors(int status, String code, String messageKey) {
        this.definition = new Definition(status, code, messageKey);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
