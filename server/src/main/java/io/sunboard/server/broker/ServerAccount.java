package io.sunboard.server.broker;

/** The broker account the server itself connects with. */
record ServerAccount(String username, String password) {

	@Override
	public String toString() {
		return "ServerAccount[username=" + this.username + ", password=***]";
	}

}
