package io.sunboard.server.tableimport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest CSV file accepted: 20,000 rows (the most a table holds) of a
 * typical admission list are about 1 MB
 */
@ConfigurationProperties("sunboard.table-import")
record TableImportSettings(@DefaultValue("5MB") DataSize maxSize) {

}
