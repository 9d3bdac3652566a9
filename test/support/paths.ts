export const PGLITE_TEMPLATE_PATH = new URL("../../.tmp/test/pglite-template.tar.gz", import.meta.url);
