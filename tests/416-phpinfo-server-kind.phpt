--TEST--
phpinfo(): the persistent link names the kind of server it talks to, MariaDB or MySQL (behaviour §4)
--DESCRIPTION--
After one call the "Persistent link" row reads "connected (thread N, KIND
server VERSION, ...)", where KIND is what the fixture link finds the server
to be: MariaDB when its VERSION() says so, MySQL otherwise.
--EXTENSIONS--
localapi
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/connect.inc';

$cid = la_make_client();
la_call(1, 'AddContact', ['clientid' => $cid]);
$kind = stripos((string) la_value('SELECT VERSION()'), 'MariaDB') !== false ? 'MariaDB' : 'MySQL';
$link = (string) la_info('Persistent link');
la_ok(2, preg_match('/^connected \(thread \d+, (MariaDB|MySQL) server [^,]+, /', $link, $match) === 1, $link);
la_is(3, $match[1] ?? null, $kind);
?>
--CLEAN--
<?php
require_once __DIR__ . '/connect.inc';
la_cleanup_tag();
?>
--EXPECT--
1: success
2: ok
3: ok
