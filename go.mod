module kbsite

go 1.26

require (
	github.com/alecthomas/chroma/v2 v2.27.0
	github.com/yuin/goldmark v1.8.7
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/sys v0.45.0
)

require github.com/dlclark/regexp2/v2 v2.2.1 // indirect
