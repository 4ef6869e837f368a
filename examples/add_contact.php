<?php
/*
 * The Local API example of WHMCS's AddContact reference, as it stands there,
 * runnable against the private MariaDB:
 *
 *   bash scripts/demo.sh
 *
 * or by hand, with the server of scripts/db.sh running:
 *
 *   php -d extension=$PWD/modules/localapi.so \
 *       -d localapi.db_socket=$PWD/.db/mysqld.sock \
 *       -d localapi.db_username=localapi -d localapi.db_password=localapi-test-pw \
 *       -d localapi.db_name=whmcs examples/add_contact.php
 *
 * Client 1 (John Smith) and the admin "admin" come from sql/sample.sql.
 */

if (!extension_loaded('localapi')) {
    fwrite(STDERR, "The localapi extension is not loaded: run this with\n"
        . "  php -d extension=/path/to/modules/localapi.so " . basename(__FILE__) . "\n"
        . "(bash scripts/demo.sh builds it and does that for you).\n");
    exit(1);
}

$command = 'AddContact';
$postData = array(
    'clientid' => '1',
    'firstname' => 'Jane',
    'lastname' => 'Doe',
    'email' => 'jane.doe@example.com',
);
$adminUsername = 'admin'; // Optional for WHMCS 7.2 and later

$results = localAPI($command, $postData, $adminUsername);
print_r($results);
