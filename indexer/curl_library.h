// libcurl, loaded with dlopen() the first time a fetch needs it. Only `papers
// fetch` and `papers update` transfer anything, and linking libcurl made every
// run of `papers` map it and its ~30 dependencies (TLS, Kerberos, LDAP, SSH):
// about half of the start-up time of `papers search`. This is the one place
// that loads it; the fetcher calls curl only through the table below.
#pragma once

#include <curl/curl.h>

#include "analyzers/error.h"

namespace papers {

// The curl functions the fetcher uses; their types come from curl.h.
struct CurlLibrary {
    decltype(&curl_global_init) global_init;
    decltype(&curl_easy_init) easy_init;
    decltype(&curl_easy_cleanup) easy_cleanup;
    decltype(&curl_easy_setopt) easy_setopt;
    decltype(&curl_easy_getinfo) easy_getinfo;
    decltype(&curl_easy_strerror) easy_strerror;
    decltype(&curl_slist_append) slist_append;
    decltype(&curl_slist_free_all) slist_free_all;
    decltype(&curl_multi_init) multi_init;
    decltype(&curl_multi_cleanup) multi_cleanup;
    decltype(&curl_multi_add_handle) multi_add_handle;
    decltype(&curl_multi_remove_handle) multi_remove_handle;
    decltype(&curl_multi_perform) multi_perform;
    decltype(&curl_multi_info_read) multi_info_read;
    decltype(&curl_multi_poll) multi_poll;
};

// libcurl loaded and globally initialised, once per process (later calls
// return the first outcome). Error kind BadInput, naming the library, when it
// cannot be loaded, lacks a function or fails to initialise.
Result<const CurlLibrary*> curl_library();

}  // namespace papers
