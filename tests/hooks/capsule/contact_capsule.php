<?php
/* A hook file as WHMCS module authors write them: Capsule, Setting and $CONFIG. */
if (!defined('WHMCS')) {
	die('This file cannot be accessed directly');
}

use WHMCS\Database\Capsule;
use WHMCS\Config\Setting;

global $CONFIG;
$GLOBALS['la_capsule_seen']['config_at_load'] = $CONFIG['DefaultCountry'] ?? null;

add_hook('ContactAdd', 1, function (array $vars) {
	global $CONFIG;
	$contact = Capsule::table('tblcontacts')->where('id', $vars['contactid'])->first();
	$GLOBALS['la_capsule_seen']['contact'] = $contact ? [get_class($contact), (int) $contact->userid, $contact->email] : null;
	$GLOBALS['la_capsule_seen']['count'] = Capsule::table('tblcontacts')->where('userid', $vars['userid'])->count();
	$GLOBALS['la_capsule_seen']['setting'] = Setting::getValue('DefaultCountry');
	$GLOBALS['la_capsule_seen']['missing'] = Setting::getValue('LocalapiNoSuchSetting');
	$GLOBALS['la_capsule_seen']['config'] = $CONFIG['DefaultCountry'] ?? null;
});
