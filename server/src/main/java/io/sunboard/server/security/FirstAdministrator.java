package io.sunboard.server.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.sunboard.server.device.DeviceSecrets;
import io.sunboard.server.system.SunboardSettings;

/**
 * On the very first start (no accounts yet) creates the system administrator
 * {@code admin}, with the password from {@code sunboard.admin-password} or a generated
 * one printed this once.
 */
@Component
class FirstAdministrator implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	static final String USERNAME = "admin";

	private final AccountService accounts;

	private final SunboardSettings settings;

	FirstAdministrator(AccountService accounts, SunboardSettings settings) {
		this.accounts = accounts;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.accounts.noAccounts()) {
			return;
		}
		String password = this.settings.adminPassword();
		boolean generated = password == null || password.isBlank();
		if (generated) {
			password = DeviceSecrets.generate().substring(0, 16);
		}
		this.accounts.create(USERNAME, "系统管理员", password, Role.DISTRICT_ADMIN, Scope.ALL);
		if (generated) {
			log.warn(
					"\n\n    First start: created the system administrator '{}' with password '{}'.\n"
							+ "    It is shown only this once; change it after logging in (/account/password).\n",
					USERNAME, password);
		}
	}

}
