package io.sunboard.server.review;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param highRiskKinds kinds whose author may not approve them (fee notices and admission
 * results decide money and school places)
 */
@ConfigurationProperties("sunboard.review")
public record ReviewSettings(@DefaultValue( {
		"fee-notice", "admission" }) Set<String> highRiskKinds){

}
