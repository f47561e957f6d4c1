package io.sunboard.server.ingest;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.sunboard.protocol.DeviceEvent;

/**
 * Stores events and their rollups the way ingest does, for tests of what reads the
 * rollups from other packages.
 */
public final class PlayStore {

	private final BatchStore store;

	public PlayStore(DataSource dataSource) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		this.store = new BatchStore(new DeviceEventRepository(JdbcClient.create(template), template),
				new PlayRollups(template), new RatingRollups(template), (event) -> {
				}, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
	}

	/** The events of the batch that were new. */
	public List<DeviceEvent> store(String deviceId, List<DeviceEvent> batch, Instant receivedAt) {
		return this.store.store(deviceId, batch, receivedAt);
	}

}
