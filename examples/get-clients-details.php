<?php
/*
 * The Local API example of WHMCS's GetClientsDetails reference, runnable
 * against the private MariaDB (client 1, John Smith, and his account come
 * from sql/sample.sql):
 *
 *   bash scripts/demo.sh      (once: builds the extension, starts the server)
 *   php -d extension=$PWD/modules/localapi.so \
 *       -d localapi.db_socket=$PWD/.db/mysqld.sock \
 *       -d localapi.db_username=localapi -d localapi.db_password=localapi-test-pw \
 *       -d localapi.db_name=whmcs examples/get-clients-details.php
 *
 * With localapi.db_name=whmcs7 the same client is answered as WHMCS 7.10 does.
 * The money values of stats are WHMCS\View\Formatter\Price objects: the
 * stats are printed one per line, each Price as its string (toFull()).
 */

if (!extension_loaded('localapi')) {
    fwrite(STDERR, "The localapi extension is not loaded: run this with\n"
        . "  php -d extension=/path/to/modules/localapi.so " . basename(__FILE__) . "\n"
        . "(bash scripts/demo.sh builds it and does that for you).\n");
    exit(1);
}

$command = 'GetClientsDetails';
$postData = array(
    'clientid' => '1',
    'stats' => true,
);
$adminUsername = 'admin'; // Optional for WHMCS 7.2 and later

$results = localAPI($command, $postData, $adminUsername);
$stats = $results['stats'] ?? array();
unset($results['stats']);
print_r($results);

foreach ($stats as $key => $value) {
    echo "stats[$key] = ", is_bool($value) ? var_export($value, true) : $value, "\n";
}
if ($stats) {
    echo "\nBalance due: ", $stats['dueinvoicesbalance']->toNumeric(), ' in ',
        $stats['dueinvoicesbalance']->getCurrency()['code'], "\n";
}
