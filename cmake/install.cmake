# What `cmake --install BUILD --prefix P` puts where (GNU layout):
#   P/bin/papers
#   P/share/man/man1/papers.1
#   P/share/bash-completion/completions/papers
#   P/share/zsh/site-functions/_papers   (PAPERS_ZSH_COMPLETION_DIR; Debian: vendor-completions)
#   P/share/fish/vendor_completions.d/papers.fish
#   P/lib/systemd/user/papers-update.{service,timer}, papers-serve.service,
#     papers-serve-replication.service, papers-mirror.service  (ExecStart: P/bin/papers)
#   P/share/doc/papers/README.md
#   P/share/papers/sample/2024-09-25.md, LICENSE  (the sample day, CC BY-NC-ND 4.0)
# The binary links our libraries statically and has no build-tree RPATH, so
# it runs from P alone (tests/install/install_test.sh checks all of this).
include(GNUInstallDirs)

set(PAPERS_ZSH_COMPLETION_DIR "${CMAKE_INSTALL_DATADIR}/zsh/site-functions"
    CACHE STRING "where the zsh completion goes, relative to the prefix")
set(PAPERS_SYSTEMD_USER_UNIT_DIR "lib/systemd/user"
    CACHE STRING "where the systemd user units go, relative to the prefix")

install(TARGETS papers RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES doc/papers.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES completions/papers.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME papers)
install(FILES completions/_papers DESTINATION ${PAPERS_ZSH_COMPLETION_DIR})
install(FILES completions/papers.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES corpus/2024-09-25.md corpus/LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/papers/sample)

# The service in tools/systemd runs ~/.local/bin/papers (a copy installed by
# hand); the installed one runs the binary installed beside it. The prefix is
# read at install time, so `cmake --install --prefix P` gets P/bin/papers.
set(papers_services papers-update papers-serve papers-serve-replication papers-mirror)
foreach(service IN LISTS papers_services)
  install(CODE "
    set(papers_bindir \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
    file(READ \"${PROJECT_SOURCE_DIR}/tools/systemd/${service}.service\" unit)
    string(REPLACE \"%h/.local/bin/papers\" \"\${papers_bindir}/papers\" unit \"\${unit}\")
    file(WRITE \"${PROJECT_BINARY_DIR}/${service}.service\" \"\${unit}\")
  ")
  install(FILES ${PROJECT_BINARY_DIR}/${service}.service DESTINATION ${PAPERS_SYSTEMD_USER_UNIT_DIR})
endforeach()
install(FILES tools/systemd/papers-update.timer DESTINATION ${PAPERS_SYSTEMD_USER_UNIT_DIR})
