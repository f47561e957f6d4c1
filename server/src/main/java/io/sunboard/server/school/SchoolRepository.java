package io.sunboard.server.school;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.protocol.Ids;

@Repository
public class SchoolRepository {

	private final JdbcClient jdbc;

	SchoolRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void createRegion(String id, String name) {
		Ids.require(id, "region id");
		this.jdbc.sql("insert into region (id, name) values (?, ?)").params(id, name).update();
	}

	public void create(School school) {
		Ids.require(school.id(), "school id");
		this.jdbc.sql("insert into school (id, region_id, name, time_zone) values (?, ?, ?, ?)")
			.params(school.id(), school.regionId(), school.name(), school.timeZone().getId())
			.update();
	}

	public Optional<School> find(String id) {
		return this.jdbc.sql("select * from school where id = ?").param(id).query(SchoolRepository::map).optional();
	}

	public List<School> findAll() {
		return this.jdbc.sql("select * from school order by id").query(SchoolRepository::map).list();
	}

	public List<Region> findRegions() {
		return this.jdbc.sql("select id, name from region order by id")
			.query((rs, row) -> new Region(rs.getString("id"), rs.getString("name")))
			.list();
	}

	public boolean regionExists(String id) {
		return this.jdbc.sql("select count(*) from region where id = ?").param(id).query(Integer.class).single() > 0;
	}

	private static School map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new School(rs.getString("id"), rs.getString("region_id"), rs.getString("name"),
				ZoneId.of(rs.getString("time_zone")));
	}

}
