mod debian/localapi.ini
