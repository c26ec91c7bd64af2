(window.KBSearchData=window.KBSearchData||[]).push(["en/manifest.js",{"v":1,"lang":"en","n":2,"s":[""],"h":["fd38c0c9"],"r":"2f7cb2ad","p":[["Windows Messenger","messenger","daf71cb1"]]}]);
