--TEST--
GetClientsDetails: client custom fields, their value rules, and no customfields keys without a field (behaviour §11.6)
--DESCRIPTION--
With no client field defined (the sample's parked) the answer has neither
customfields nor any customfields<i>. Then fields of type client and relid 0
only (a product field and a relid-5 client field are left out), by sortorder
then id: the value of the client's lowest-id row or '' without one; entities
decoded and encoded again (&nbsp; a space, &apos; stays encoded as
&amp;apos;; a value that is not UTF-8, which only a hook can give, is in
956); a link field
(fieldtype exactly "link", also when empty, with http:// before www.);
a "|" value answers the text after the first "|" trimmed ("|x" stays); a
fieldtype "Link" is not a link. Keys: customfields1, customfields,
customfields2, ...; client holds the same.
--EXTENSIONS--
localapi
mysqli
--CONFLICTS--
customfields
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require_once __DIR__ . '/gcd.inc';

la_gcd_fields_park();
$cid = la_gcd_client();
$answer = la_gcd(['clientid' => $cid]);
la_is(1, preg_grep('/^customfields/', array_keys($answer)), []);
la_is(2, preg_grep('/^customfields/', array_keys($answer['client'])), []);

$f = [];
$f['text'] = la_gcd_field('text', 5);
$f['link'] = la_gcd_field('link', 1);
$f['pipe'] = la_gcd_field('dropdown', 5);
la_gcd_field('text', 0, 'product', 0);
la_gcd_field('text', 0, 'client', 5);
$f['empty_link'] = la_gcd_field('link', 7);
$f['none'] = la_gcd_field('textarea', 8);
$f['Link'] = la_gcd_field('Link', 9);
$f['bar_first'] = la_gcd_field('dropdown', 10);
$f['entities'] = la_gcd_field('text', 12);
$values = [
	'text' => "O&#039;Brien &amp; Co&nbsp;&apos;",
	'link' => '  www.example.com/a?b=1&amp;c=2 ',
	'pipe' => 'key| Shown value |rest',
	'empty_link' => '',
	'Link' => 'www.example.com',
	'bar_first' => '|x|y',
	'entities' => '<b>"x"</b> &lt;i&gt;',
];
foreach ($values as $key => $value) {
	la_insert('tblcustomfieldsvalues', ['fieldid' => $f[$key], 'relid' => $cid, 'value' => $value]);
}
/* a second row for the same field: the lowest id wins */
la_insert('tblcustomfieldsvalues', ['fieldid' => $f['text'], 'relid' => $cid, 'value' => 'later row']);
/* another client's value is not this one's */
la_insert('tblcustomfieldsvalues', ['fieldid' => $f['none'], 'relid' => $cid + 1, 'value' => 'not mine']);

$answer = la_gcd(['clientid' => $cid]);
$keys = array_values(preg_grep('/^customfields/', array_keys($answer)));
la_is(3, $keys, ['customfields1', 'customfields', 'customfields2', 'customfields3', 'customfields4',
	'customfields5', 'customfields6', 'customfields7', 'customfields8']);
$expected = [
	[$f['link'], '<a href="http://www.example.com/a?b=1&amp;c=2" target="_blank">  www.example.com/a?b=1&amp;c=2 </a>'],
	[$f['text'], 'O&#039;Brien &amp; Co &amp;apos;'],
	[$f['pipe'], 'Shown value'],
	[$f['empty_link'], '<a href="" target="_blank"></a>'],
	[$f['none'], ''],
	[$f['Link'], 'www.example.com'],
	[$f['bar_first'], '|x|y'],
	[$f['entities'], '&lt;b&gt;&quot;x&quot;&lt;/b&gt; &lt;i&gt;'],
];
la_is(4, array_map(fn ($e) => [$e['id'], $e['value']], $answer['customfields']), $expected);
$flat = [];
for ($i = 1; $i <= 8; $i++) {
	$flat[] = $answer["customfields$i"];
}
la_is(5, $flat, array_column($expected, 1));
la_is(6, $answer['client']['customfields'], $answer['customfields']);
/* a field whose relid compares equal to 0, a type in another letter case */
la_query("UPDATE tblcustomfields SET type = 'CLIENT' WHERE id = ?", $f['text']);
la_is(7, la_gcd(['clientid' => $cid])['customfields'][1]['id'], $f['text']);
la_gcd_fields_restore();
?>
--CLEAN--
<?php
require_once __DIR__ . '/gcd.inc';
la_query("DELETE FROM tblcustomfieldsvalues WHERE fieldid IN (SELECT id FROM tblcustomfields WHERE fieldname = 'la-test')");
la_query("DELETE FROM tblcustomfields WHERE fieldname = 'la-test'");
la_gcd_fields_restore();
la_gcd_cleanup_tag();
?>
--EXPECT--
1: ok
2: ok
3: ok
4: ok
5: ok
6: ok
7: ok
