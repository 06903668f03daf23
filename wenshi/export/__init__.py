"""Writers that turn plain result data into files (.csv, .xlsx, .docx, …)."""
